package dev.courseline.notification.notification;

import java.time.Instant;

/** One try at handing the email to the mail server, as the delivery log shows it. */
public record Attempt(Instant at, Outcome outcome, String error) {

    public enum Outcome {
        DELIVERED, TEMPORARY_FAILURE, PERMANENT_FAILURE
    }
}
