package dev.courseline.catalogue.outbox;

import java.time.Instant;

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
}
