package dev.courseline.catalogue.outbox;

import java.util.List;

/** The collections whose documents carry {@code pendingEvents} for the relay to publish. */
public record OutboxCollections(List<String> names) {
}
