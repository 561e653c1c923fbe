package dev.courseline.catalogue.web;

/** The caller edited a version that is no longer the current one (optimistic concurrency). */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String aggregate, String id, long expected) {
        super("The " + aggregate + " '" + id + "' has changed since version " + expected + "; reload it and try again");
    }
}
