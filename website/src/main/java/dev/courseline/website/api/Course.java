package dev.courseline.website.api;

import java.util.List;

/** A published course, as {@code GET /api/courses/{slug}} describes it. */
public record Course(String slug, String title, String kind, String role, String summary, List<String> outcomes,
        Certification certification, int durationDays, List<String> deliveryModes, Money listPrice, String status) {

    public record Certification(String body, String name, boolean assessmentIncluded) {
    }
}
