package dev.courseline.notification.deliverylog;

import java.time.Instant;
import java.util.List;

import dev.courseline.notification.notification.Attempt;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.notification.NotificationStatus;

/** One notification with its delivery history: every attempt and the last error. */
public record NotificationDetail(
        String id,
        NotificationKind kind,
        NotificationStatus status,
        String recipient,
        String subject,
        String messageId,
        String eventId,
        String eventType,
        String aboutId,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt,
        int failedAttempts,
        String lastError,
        List<Attempt> attempts,
        Instant erasedAt) {

    static NotificationDetail of(Notification n) {
        return new NotificationDetail(n.id(), n.kind(), n.status(), n.recipient(), n.content().subject(),
                n.messageId(), n.eventId(), n.eventType(), n.aboutId(), n.createdAt(), n.sentAt(),
                n.status() == NotificationStatus.PENDING ? n.nextAttemptAt() : null, n.failedAttempts(),
                n.lastError(), n.attempts() == null ? List.of() : n.attempts(), n.erasedAt());
    }
}
