package dev.courseline.catalogue.outbox;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.courseline.catalogue.observability.TraceContexts;

/** Turns an event payload into a pending event ready to be stored beside the state it describes. */
@Component
public class EventFactory {

    private final JsonMapper json;
    private final TraceContexts traces;

    public EventFactory(JsonMapper json, TraceContexts traces) {
        this.json = json;
        this.traces = traces;
    }

    /** {@code time} is when it happened: the {@code ce_time} header, equal to the payload's {@code occurredAt}. */
    public PendingEvent create(String type, String key, Instant time, Object payload) {
        return new PendingEvent(UUID.randomUUID().toString(), type, key, time, json.writeValueAsString(payload),
                traces.current());
    }
}
