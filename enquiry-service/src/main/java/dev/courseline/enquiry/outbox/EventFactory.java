package dev.courseline.enquiry.outbox;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.courseline.enquiry.observability.TraceContexts;
import dev.courseline.enquiry.store.TimeOrderedIds;

/** Turns an event payload record into a pending event ready to be stored beside the state it describes. */
@Component
public class EventFactory {

    private final JsonMapper json;
    private final Clock clock;
    private final TraceContexts traces;

    public EventFactory(JsonMapper json, Clock clock, TraceContexts traces) {
        this.json = json;
        this.clock = clock;
        this.traces = traces;
    }

    public PendingEvent create(String type, String key, Object payload) {
        return create(type, key, clock.instant(), payload);
    }

    /** {@code time} is when it happened: the {@code ce_time} header, equal to the payload's {@code occurredAt}. */
    public PendingEvent create(String type, String key, Instant time, Object payload) {
        return new PendingEvent(TimeOrderedIds.next(), type, key, time, json.writeValueAsString(payload),
                traces.current());
    }
}
