package dev.courseline.enquiry.deadletter;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The mark that a dead letter was replayed: its id is the dead letter's, so a second replay cannot be recorded. */
@Document(DeadLetterReplay.COLLECTION)
public record DeadLetterReplay(@Id String id, String topic, Instant replayedAt, String replayedBy) {

    public static final String COLLECTION = "dead_letter_replays";
}
