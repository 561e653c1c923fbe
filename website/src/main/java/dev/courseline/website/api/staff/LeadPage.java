package dev.courseline.website.api.staff;

import java.util.List;

public record LeadPage(List<Lead> items, int page, int size, long total) {
}
