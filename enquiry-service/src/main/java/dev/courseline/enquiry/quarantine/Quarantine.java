package dev.courseline.enquiry.quarantine;

import java.time.Instant;
import java.util.List;

import dev.courseline.enquiry.lead.Lead;
import dev.courseline.enquiry.outbox.PendingEvent;

/**
 * Kept in a suspect enquiry's own document (field {@code quarantine}): why it is suspect, and the lead and events it
 * would have had, held back until a person releases it (they become the enquiry's {@code lead} and
 * {@code pendingEvents}, so the sales email goes out through the outbox) or discards it (they are dropped).
 */
public record Quarantine(QuarantineStatus status, List<String> reasons, Instant quarantinedAt, Lead lead,
        List<PendingEvent> events, String decidedBy, Instant decidedAt) {

    public static final String FIELD = "quarantine";

    public static Quarantine suspect(List<String> reasons, Instant now, Lead lead, List<PendingEvent> events) {
        return new Quarantine(QuarantineStatus.SUSPECT, List.copyOf(reasons), now, lead, List.copyOf(events), null,
                null);
    }

    public enum QuarantineStatus {
        SUSPECT, RELEASED, DISCARDED
    }
}
