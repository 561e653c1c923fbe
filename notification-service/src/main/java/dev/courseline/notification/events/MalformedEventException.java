package dev.courseline.notification.events;

/**
 * A record that can never be processed, however often it is retried: it goes to the dead-letter topic after one
 * attempt (see {@code retryable-exceptions} in application.yml).
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
