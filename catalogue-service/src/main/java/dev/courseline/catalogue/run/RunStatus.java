package dev.courseline.catalogue.run;

/** DRAFT -> SCHEDULED -> CONFIRMED -> COMPLETED; CANCELLED from any open state. */
public enum RunStatus {
    DRAFT, SCHEDULED, CONFIRMED, COMPLETED, CANCELLED;

    /** Open: not yet completed or cancelled, so it can still be changed or cancelled. */
    public boolean isOpen() {
        return this == DRAFT || this == SCHEDULED || this == CONFIRMED;
    }
}
