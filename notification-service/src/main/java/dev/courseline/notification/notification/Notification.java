package dev.courseline.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One email to one recipient because of one event. Its id is derived from (event id, kind, recipient), which the
 * unique index also covers, so recording the same event twice can never produce a second email, and the email's
 * {@code Message-ID} is the same on every attempt. A fresh one is recorded already {@link #leased leased} to the
 * dispatcher of the instance that records it, which sends it without claiming it; it is PENDING only while it waits
 * for a claim (a retry's back-off, a lease the sweep released, a staff retry). {@code relatedIds} (see
 * {@link NewNotification}) is null for notifications recorded before it was kept. {@code eventTime} is the event's
 * {@code ce_time}, which the email delay metric starts from (null when unknown or recorded before it was kept).
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
        Instant erasedAt,
        List<String> relatedIds,
        Instant eventTime,
        String traceparent) {

    public static final String COLLECTION = "notifications";

    /** The store reads every field; {@code traceparent} is null for notifications recorded before it was kept. */
    @PersistenceCreator
    public Notification {
    }

    /** Without the event's time and a trace context, as recorded outside any trace. */
    public Notification(String id, String eventId, String eventType, NotificationKind kind, String aboutId,
            String recipient, EmailContent content, List<String> personEmailHashes, NotificationStatus status,
            int failedAttempts, List<Attempt> attempts, Instant nextAttemptAt, String leaseOwner, Instant leaseUntil,
            String lastError, Instant createdAt, Instant sentAt, Instant erasedAt, List<String> relatedIds) {
        this(id, eventId, eventType, kind, aboutId, recipient, content, personEmailHashes, status, failedAttempts,
                attempts, nextAttemptAt, leaseOwner, leaseUntil, lastError, createdAt, sentAt, erasedAt, relatedIds,
                null, null);
    }

    public static Notification pending(String eventId, String eventType, NewNotification email, Instant now) {
        return fresh(eventId, eventType, email, now, NotificationStatus.PENDING, null, null, null);
    }

    /**
     * SENDING under {@code lease} from the moment it is recorded, so that the dispatcher holding the lease sends it
     * straight from this object: no claim and no read. Should that dispatcher never get to it, the sweep releases
     * the lease once it has run out.
     */
    public static Notification leased(String eventId, String eventType, NewNotification email, Instant now,
            Lease lease) {
        return leased(eventId, eventType, null, email, now, lease, null);
    }

    /**
     * The same, remembering when the event happened, in the trace of {@code traceparent} (that of the event's
     * consumer): the dispatcher sends the email within it, whenever and wherever that happens.
     */
    public static Notification leased(String eventId, String eventType, Instant eventTime, NewNotification email,
            Instant now, Lease lease, String traceparent) {
        return fresh(eventId, eventType, email, now, NotificationStatus.SENDING, lease.owner(), lease.until(),
                traceparent).withEventTime(eventTime);
    }

    private static Notification fresh(String eventId, String eventType, NewNotification email, Instant now,
            NotificationStatus status, String leaseOwner, Instant leaseUntil, String traceparent) {
        return new Notification(idFor(eventId, email.kind(), email.recipient()), eventId, eventType, email.kind(),
                email.aboutId(), email.recipient(), email.content(), email.personEmailHashes(), status, 0, List.of(),
                now, leaseOwner, leaseUntil, null, now, null, null, email.relatedIds(), null, traceparent);
    }

    private Notification withEventTime(Instant time) {
        return new Notification(id, eventId, eventType, kind, aboutId, recipient, content, personEmailHashes, status,
                failedAttempts, attempts, nextAttemptAt, leaseOwner, leaseUntil, lastError, createdAt, sentAt, erasedAt,
                relatedIds, time, traceparent);
    }

    /**
     * A name-based UUID of the event, kind and recipient, with the event id's first 48 bits when that is a UUID: the
     * enquiry service's event ids are time-ordered (version 7), so its notifications' ids sort by time too and each
     * insert lands at the end of the store's B-trees instead of on a page of its own.
     */
    public static String idFor(String eventId, NotificationKind kind, String recipient) {
        String key = eventId + "|" + kind + "|" + recipient.toLowerCase(Locale.ROOT);
        UUID named = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        return eventTimePrefix(eventId)
                .map(prefix -> new UUID(prefix | (named.getMostSignificantBits() & 0xFFFFL),
                        named.getLeastSignificantBits()))
                .orElse(named).toString();
    }

    private static Optional<Long> eventTimePrefix(String eventId) {
        try {
            return Optional.of(UUID.fromString(eventId).getMostSignificantBits() & 0xFFFF_FFFF_FFFF_0000L);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** The {@code Message-ID} header: stable per notification, so a receiver can spot a re-sent copy. */
    public String messageId() {
        return "<" + id + "@courseline>";
    }
}
