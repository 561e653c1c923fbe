package dev.courseline.website.api.staff;

import java.time.Instant;
import java.util.List;

/** A quarantined enquiry as the enquiry service's staff API shows it: who sent it and why it looks suspect. */
public record Suspect(String enquiryId, String kind, Instant receivedAt, Lead.Contact contact,
        Lead.Organisation organisation, String summary, String message, String status, List<String> reasons,
        String team, String decidedBy, Instant decidedAt) {
}
