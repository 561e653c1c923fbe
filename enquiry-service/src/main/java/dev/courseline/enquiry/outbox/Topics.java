package dev.courseline.enquiry.outbox;

/** The Kafka topics this service writes to and reads from. */
public final class Topics {

    public static final String ENQUIRIES = "enquiries";
    public static final String CATALOGUE_OFFERINGS = "catalogue.offerings";
    /** Where the catalogue consumer puts what it can never process (see deadletter/ConsumerErrorHandling). */
    public static final String CATALOGUE_OFFERINGS_DLQ = "catalogue.offerings.enquiry-service.dlq";

    private Topics() {
    }
}
