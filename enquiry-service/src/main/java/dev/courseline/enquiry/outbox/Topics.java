package dev.courseline.enquiry.outbox;

/** The Kafka topics this service writes to and reads from. */
public final class Topics {

    public static final String ENQUIRIES = "enquiries";
    public static final String CATALOGUE_OFFERINGS = "catalogue.offerings";

    private Topics() {
    }
}
