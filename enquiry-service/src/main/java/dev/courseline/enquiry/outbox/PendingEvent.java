package dev.courseline.enquiry.outbox;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * An event waiting in its aggregate's document to be relayed. The payload is kept as the JSON text that will be
 * sent, so the relay never re-serialises it. (Named {@code eventId}, not {@code id}: Spring Data would store a
 * nested {@code id} as {@code _id}.) {@code traceparent} is the trace context of the request that wrote it (null outside
 * a trace): the relay sends it later from another thread, and continues that trace.
 */
public record PendingEvent(String eventId, String type, String key, Instant time, String payload, String traceparent) {

    /** As the relay reads it back from {@code pendingEvents}. */
    static PendingEvent fromDocument(Document event) {
        return new PendingEvent(event.getString("eventId"), event.getString("type"), event.getString("key"),
                event.getDate("time").toInstant(), event.getString("payload"), event.getString("traceparent"));
    }

    /** As Spring Data stores it in {@code pendingEvents}, for a relay that has it in hand. */
    Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("key", key).append("time", Date.from(time))
                .append("payload", payload).append("traceparent", traceparent);
    }
}
