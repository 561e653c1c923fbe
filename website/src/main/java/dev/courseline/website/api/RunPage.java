package dev.courseline.website.api;

import java.util.List;

/** One page of {@code GET /api/runs}. */
public record RunPage(List<Run> items, int page, int size, long totalItems, int totalPages) {
}
