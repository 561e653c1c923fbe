package dev.courseline.enquiry.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be relayed. The payload is kept as the JSON text that will be
 * sent, so the relay never re-serialises it. (Named {@code eventId}, not {@code id}: Spring Data would store a
 * nested {@code id} as {@code _id}.) {@code traceparent} is the trace context of the request that wrote it (null outside
 * a trace): the relay sends it later from another thread, and continues that trace.
 */
public record PendingEvent(String eventId, String type, String key, Instant time, String payload, String traceparent) {
}
