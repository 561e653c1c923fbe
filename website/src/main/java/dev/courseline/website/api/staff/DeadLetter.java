package dev.courseline.website.api.staff;

import java.time.Instant;

/** A record a service's consumer could never process, kept on its dead-letter topic, as its staff API shows it. */
public record DeadLetter(String id, String topic, String key, String originalTopic, String ceType, String ceId,
        String exception, String reason, Instant deadLetteredAt, Instant replayedAt, String replayedBy) {

    public boolean isReplayed() {
        return replayedAt != null;
    }
}
