package dev.courseline.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One email to one recipient because of one event. Its id is derived from (event id, kind, recipient), which the
 * unique index also covers, so recording the same event twice can never produce a second email, and the email's
 * {@code Message-ID} is the same on every attempt.
 */
@Document(Notification.COLLECTION)
public record Notification(
        @Id String id,
        String eventId,
        String eventType,
        NotificationKind kind,
        String aboutId,
        String recipient,
        EmailContent content,
        List<String> personEmailHashes,
        NotificationStatus status,
        int failedAttempts,
        List<Attempt> attempts,
        Instant nextAttemptAt,
        String leaseOwner,
        Instant leaseUntil,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Instant erasedAt) {

    public static final String COLLECTION = "notifications";

    public static Notification pending(String eventId, String eventType, NewNotification email, Instant now) {
        return new Notification(idFor(eventId, email.kind(), email.recipient()), eventId, eventType, email.kind(),
                email.aboutId(), email.recipient(), email.content(), email.personEmailHashes(),
                NotificationStatus.PENDING, 0, List.of(), now, null, null, null, now, null, null);
    }

    public static String idFor(String eventId, NotificationKind kind, String recipient) {
        String key = eventId + "|" + kind + "|" + recipient.toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The {@code Message-ID} header: stable per notification, so a receiver can spot a re-sent copy. */
    public String messageId() {
        return "<" + id + "@courseline>";
    }
}
