package dev.courseline.notification.deliverylog;

import java.time.Instant;
import java.util.List;

import dev.courseline.notification.notification.Attempt;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.observability.Traceparent;

/**
 * One notification with its delivery history: every attempt and the last error; {@code traceId} is the trace of the
 * request that led to it (also in the email's {@code X-Courseline-Trace-Id}), null if it was recorded outside one.
 */
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
        Instant erasedAt,
        String traceId) {

    static NotificationDetail of(Notification n) {
        return new NotificationDetail(n.id(), n.kind(), n.status(), n.recipient(), n.content().subject(),
                n.messageId(), n.eventId(), n.eventType(), n.aboutId(), n.createdAt(), n.sentAt(),
                n.status() == NotificationStatus.PENDING ? n.nextAttemptAt() : null, n.failedAttempts(),
                n.lastError(), n.attempts() == null ? List.of() : n.attempts(), n.erasedAt(),
                Traceparent.traceIdOf(n.traceparent()));
    }
}
