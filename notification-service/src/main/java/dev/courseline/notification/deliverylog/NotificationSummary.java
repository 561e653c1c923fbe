package dev.courseline.notification.deliverylog;

import java.time.Instant;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.notification.NotificationStatus;

/** A line of the delivery log. */
public record NotificationSummary(
        String id,
        NotificationKind kind,
        NotificationStatus status,
        String recipient,
        String subject,
        int failedAttempts,
        Instant createdAt,
        Instant sentAt) {

    static NotificationSummary of(Notification notification) {
        return new NotificationSummary(notification.id(), notification.kind(), notification.status(),
                notification.recipient(), notification.content().subject(), notification.failedAttempts(),
                notification.createdAt(), notification.sentAt());
    }
}
