package dev.courseline.catalogue.events;

/** The Kafka topics this service writes to. */
public final class Topics {

    /** Compacted: key = course slug or run id, value = the full current state. */
    public static final String CATALOGUE_OFFERINGS = "catalogue.offerings";

    private Topics() {
    }
}
