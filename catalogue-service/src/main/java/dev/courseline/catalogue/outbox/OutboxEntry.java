package dev.courseline.catalogue.outbox;

import java.util.List;

import org.springframework.data.annotation.Id;

/** The relay's view of any aggregate document: its id and the events it still has to publish. */
record OutboxEntry(@Id String id, List<PendingEvent> pendingEvents) {
}
