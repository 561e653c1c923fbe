package dev.courseline.notification.events;

/** The topics this service reads and the dead-letter topic it writes what it can never process to. */
public final class Topics {

    public static final String ENQUIRIES = "enquiries";
    public static final String ENQUIRIES_DLQ = "enquiries.notification-service.dlq";

    private Topics() {
    }
}
