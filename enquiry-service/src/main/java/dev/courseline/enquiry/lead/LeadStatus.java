package dev.courseline.enquiry.lead;

public enum LeadStatus {
    NEW, CONTACTED, QUOTED, WON, LOST;

    /** Leads only move forward, and a closed lead (won or lost) stays closed. */
    public boolean canMoveTo(LeadStatus target) {
        return !isClosed() && target.ordinal() > ordinal();
    }

    public boolean isClosed() {
        return this == WON || this == LOST;
    }
}
