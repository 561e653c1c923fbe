package dev.courseline.notification.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.messaging.Message;

/**
 * The CloudEvents binary-mode envelope of a record: the attributes this service needs, read from the headers, and
 * the raw JSON payload. {@code time} ({@code ce_time}) is null when absent or not an ISO-8601 instant: only the email
 * delay metric reads it.
 */
public record CloudEvent(String id, String type, String subject, byte[] data, Instant time) {

    /** An envelope whose {@code ce_time} is unknown. */
    public CloudEvent(String id, String type, String subject, byte[] data) {
        this(id, type, subject, data, null);
    }

    public static CloudEvent from(Message<byte[]> message) {
        Map<String, Object> headers = message.getHeaders();
        String id = attribute(headers, "id");
        String type = attribute(headers, "type");
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("The record has no ce_id header");
        }
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("Event " + id + " has no ce_type header");
        }
        return new CloudEvent(id, type, attribute(headers, "subject"), message.getPayload(),
                instant(attribute(headers, "time")));
    }

    /** When the event happened (ce_time), or null when the header is missing or unreadable. */
    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // Kafka delivers header values as bytes; Spring Cloud Function may have rewritten the prefix to "ce-" or "ce.".
    private static String attribute(Map<String, Object> headers, String name) {
        for (String prefix : new String[] {"ce_", "ce-", "ce."}) {
            Object value = headers.get(prefix + name);
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
