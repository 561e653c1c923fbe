package dev.courseline.enquiry.web;

/** The addressed resource does not exist (or is not visible to the caller); answered {@code 404}. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
