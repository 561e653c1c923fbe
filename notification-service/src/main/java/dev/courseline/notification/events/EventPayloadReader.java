package dev.courseline.notification.events;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event's JSON into this service's record of it, and refuses (as malformed, so it is dead-lettered at once)
 * anything that does not parse or lacks a field an email cannot do without.
 */
@Component
public class EventPayloadReader {

    private final JsonMapper json;
    private final Validator validator;

    public EventPayloadReader(JsonMapper json, Validator validator) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.validator = validator;
    }

    public <T> T read(CloudEvent event, Class<T> type) {
        T payload;
        try {
            payload = json.readValue(event.data(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") is not valid JSON for "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (payload == null) {
            throw new MalformedEventException("Event " + event.id() + " has an empty payload");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") is incomplete: "
                    + violations.stream()
                            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .collect(Collectors.joining(", ")));
        }
        return payload;
    }
}
