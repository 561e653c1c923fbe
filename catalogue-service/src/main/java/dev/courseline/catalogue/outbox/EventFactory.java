package dev.courseline.catalogue.outbox;

import dev.courseline.catalogue.observability.TraceContexts;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a published representation into a pending event, serialised with the same mapper the API uses. */
@Component
public class PendingEvents {

    private final JsonMapper jsonMapper;
    private final TraceContexts traces;

    public PendingEvents(JsonMapper jsonMapper, TraceContexts traces) {
        this.jsonMapper = jsonMapper;
        this.traces = traces;
    }

    public PendingEvent of(String type, String key, Object payload, Instant occurredAt) {
        return new PendingEvent(UUID.randomUUID().toString(), type, key, occurredAt,
                jsonMapper.writeValueAsString(payload), traces.current());
    }
}
