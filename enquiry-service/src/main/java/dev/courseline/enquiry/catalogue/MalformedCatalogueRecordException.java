package dev.courseline.enquiry.catalogue;

/**
 * A catalogue record that can never be processed, however often it is retried (no {@code ce_type}, a payload that is
 * not the course or run it claims to be): dead-lettered after one attempt (see deadletter/ConsumerErrorHandling).
 */
public class MalformedCatalogueRecordException extends RuntimeException {

    public MalformedCatalogueRecordException(String message) {
        super(message);
    }

    public MalformedCatalogueRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
