package dev.courseline.notification.deadletter;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One record of this service's dead-letter topic, as staff see it. */
@Schema(description = "A record this service could not process, kept on its dead-letter topic")
public record DeadLetter(
        @Schema(description = "<partition>-<offset> on the dead-letter topic; what replay takes") String id,
        @Schema(description = "The dead-letter topic") String topic,
        int partition,
        long offset,
        String key,
        @Schema(description = "Where it came from and is replayed to") String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String ceType,
        String ceId,
        @Schema(description = "The exception's class") String exception,
        @Schema(description = "Why it failed") String reason,
        Instant deadLetteredAt,
        @Schema(description = "When staff replayed it; null until then") Instant replayedAt,
        String replayedBy) {
}
