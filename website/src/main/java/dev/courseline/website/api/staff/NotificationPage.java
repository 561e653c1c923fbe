package dev.courseline.website.api.staff;

import java.util.List;

public record NotificationPage(List<Notification> items, int page, int size, long totalItems) {
}
