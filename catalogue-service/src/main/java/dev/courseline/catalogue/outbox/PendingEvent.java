package dev.courseline.catalogue.outbox;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * An event waiting in its aggregate's own document until the relay has had it acknowledged by Kafka.
 *
 * @param eventId    the CloudEvents id (UUID), the consumers' dedupe key
 * @param type       the CloudEvents type
 * @param key        the Kafka record key (course slug or run id), also the CloudEvents subject
 * @param occurredAt when the change happened
 * @param payload    the JSON payload, serialised at write time so it is exactly the state that was stored
 * @param traceparent the trace context of the request that made the change (null outside a trace), which the relay
 *                   continues when it sends the event later from its own thread
 */
public record PendingEvent(String eventId, String type, String key, Instant occurredAt, String payload,
        String traceparent) {

    /** As the relay reads it back from {@code pendingEvents}. */
    static PendingEvent fromDocument(Document event) {
        return new PendingEvent(event.getString("eventId"), event.getString("type"), event.getString("key"),
                event.getDate("occurredAt").toInstant(), event.getString("payload"), event.getString("traceparent"));
    }

    /** As it is stored in {@code pendingEvents}. */
    Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("key", key)
                .append("occurredAt", Date.from(occurredAt)).append("payload", payload)
                .append("traceparent", traceparent);
    }
}
