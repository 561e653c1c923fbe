package dev.courseline.enquiry.outbox;

import java.time.Instant;

/**
 * Which relay instance may send a document's pending events, and until when. A lease in the past means anyone may
 * claim the document; {@code attempts} counts failed sends for the back-off.
 */
public record OutboxLease(Instant until, String owner, int attempts) {

    public static final String FIELD = "outbox";

    public static OutboxLease free() {
        return new OutboxLease(Instant.EPOCH, null, 0);
    }
}
