package dev.courseline.notification.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;

/**
 * The CloudEvents binary-mode envelope of a record: the attributes this service needs, read from the headers by
 * Spring Cloud Function's {@link CloudEventMessageUtils} (whichever attribute prefix the message carries), and the
 * raw JSON payload. {@code time} ({@code ce_time}) is null when absent or not an ISO-8601 instant: only the email
 * delay metric reads it.
 */
public record CloudEvent(String id, String type, String subject, byte[] data, Instant time) {

    private static final String TIME_HEADER = CloudEventMessageUtils.KAFKA_ATTR_PREFIX + "time";

    /** An envelope whose {@code ce_time} is unknown. */
    public CloudEvent(String id, String type, String subject, byte[] data) {
        this(id, type, subject, data, null);
    }

    public static CloudEvent from(Message<byte[]> message) {
        String id = CloudEventMessageUtils.getId(message);
        String type = CloudEventMessageUtils.getType(message);
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("The record has no ce_id header");
        }
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("Event " + id + " has no ce_type header");
        }
        return new CloudEvent(id, type, CloudEventMessageUtils.getSubject(message), message.getPayload(),
                time(message.getHeaders().get(TIME_HEADER)));
    }

    /**
     * When the event happened, or null when the header is missing or unreadable. Read here rather than with
     * {@code CloudEventMessageUtils.getTime}, which takes only a String (Kafka hands over bytes) and throws on a
     * malformed value, where a bad time must cost only the metric, not the email.
     */
    private static Instant time(Object value) {
        String text = value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
