package dev.courseline.website.api.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A course as the catalogue's staff API shows it, in any state, with the version an edit must be based on. */
public record StaffCourse(String slug, String title, String kind, String role, String summary, List<String> outcomes,
        Certification certification, int durationDays, List<String> deliveryModes, Price listPrice, String status,
        long version, Instant updatedAt) {

    public record Certification(String body, String name, boolean assessmentIncluded) {
    }

    public record Price(BigDecimal amount, String currency) {
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }
}
