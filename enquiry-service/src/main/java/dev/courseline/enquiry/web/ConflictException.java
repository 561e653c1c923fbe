package dev.courseline.enquiry.web;

/** The request is valid but clashes with the current state; answered {@code 409}. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
