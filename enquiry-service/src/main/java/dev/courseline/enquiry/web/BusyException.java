package dev.courseline.enquiry.web;

/**
 * The request is valid but could not be done now because others kept changing the same thing; nothing was stored.
 * Answered {@code 503} with {@code Retry-After}, so a client (or a person) tries again instead of giving up.
 */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
