package dev.courseline.catalogue.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which relay instance may send a document's pending events, and until when. A lease in the past means anyone may
 * claim the document; {@code attempts} counts failed sends for the back-off.
 *
 * <p>{@code unsent} is there exactly while the document has pending events: a token that every write adding events
 * replaces ({@link OutboxRelay#pushEvents}). The relay removes it only on the condition that it is still the token it
 * read along with the events it sent, so events added meanwhile keep the document marked. A partial index on it
 * lists the documents with something to send, which is what the relay's sweep reads instead of the whole collection.
 */
public record OutboxLease(Instant until, String owner, int attempts, String unsent) {

    public static final String FIELD = "outbox";

    /** Nothing to send, claimable by anyone. */
    public static OutboxLease free() {
        return new OutboxLease(Instant.EPOCH, null, 0, null);
    }

    /** Claimable by anyone, marked as having events to send when {@code events} is not empty. */
    public static OutboxLease freeFor(List<?> events) {
        return events.isEmpty() ? free() : new OutboxLease(Instant.EPOCH, null, 0, newUnsentToken());
    }

    static String newUnsentToken() {
        return UUID.randomUUID().toString();
    }
}
