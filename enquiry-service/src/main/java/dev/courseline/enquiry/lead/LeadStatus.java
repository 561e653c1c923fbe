package dev.courseline.enquiry.lead;

public enum LeadStatus {
    NEW, CONTACTED, QUOTED, WON, LOST;

    public boolean isClosed() {
        return this == WON || this == LOST;
    }
}
