package dev.courseline.catalogue.metrics;

import java.time.Duration;
import java.time.Instant;

/** The events waiting in the outbox at one moment: how many, and when the oldest of them happened (null if none). */
record OutboxSnapshot(long pending, Instant oldest) {

    static final OutboxSnapshot EMPTY = new OutboxSnapshot(0, null);

    OutboxSnapshot plus(long events, Instant oldestOfThem) {
        boolean earlier = oldest == null || (oldestOfThem != null && oldestOfThem.isBefore(oldest));
        Instant earliest = earlier ? oldestOfThem : oldest;
        return new OutboxSnapshot(pending + events, earliest);
    }

    double oldestAgeSeconds(Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }
}
