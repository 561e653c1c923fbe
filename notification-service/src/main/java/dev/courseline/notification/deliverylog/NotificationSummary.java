package dev.courseline.notification.deliverylog;

import java.time.Instant;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.observability.Traceparent;

/**
 * A line of the delivery log. {@code aboutId} is what the email is about: the lead (lead emails, reassignments,
 * escalations), the enquiry (acknowledgements) or the enrolment; {@code lastError} the last failure's, null once sent;
 * {@code traceId} the trace of the request that led to it (also in the email's {@code X-Courseline-Trace-Id}).
 */
public record NotificationSummary(
        String id,
        NotificationKind kind,
        NotificationStatus status,
        String recipient,
        String subject,
        int failedAttempts,
        Instant createdAt,
        Instant sentAt,
        String aboutId,
        String lastError,
        String traceId) {

    static NotificationSummary of(Notification notification) {
        return new NotificationSummary(notification.id(), notification.kind(), notification.status(),
                notification.recipient(), notification.content().subject(), notification.failedAttempts(),
                notification.createdAt(), notification.sentAt(), notification.aboutId(), notification.lastError(),
                Traceparent.traceIdOf(notification.traceparent()));
    }
}
