package dev.courseline.notification.deliverylog;

import java.util.List;

/** One page of the delivery log, newest first. */
public record NotificationPage(List<NotificationSummary> items, int page, int size, long totalItems) {
}
