package dev.courseline.catalogue.web;

/** A lifecycle action that the aggregate's current status does not allow. */
public class InvalidTransitionException extends RuntimeException {

    public InvalidTransitionException(String aggregate, String id, Enum<?> from, String action) {
        super("Cannot " + action + " " + aggregate + " '" + id + "' while it is " + from);
    }
}
