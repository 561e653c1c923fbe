package dev.courseline.catalogue.web;

/** The addressed course or run does not exist (or is not visible to the caller). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " '" + id + "'");
    }
}
