package dev.courseline.notification.web;

import java.util.List;

/** A request with one or more bad fields; answered as 400 with a problem body naming each of them. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(List<FieldError> errors) {
        super("Invalid request: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
