package dev.courseline.website.api.staff;

import java.time.Instant;

/** A line of the notification service's delivery log. */
public record Notification(String id, String kind, String status, String recipient, String subject,
        int failedAttempts, Instant createdAt, Instant sentAt, String aboutId, String lastError) {

    public boolean isFailed() {
        return "FAILED".equals(status);
    }
}
