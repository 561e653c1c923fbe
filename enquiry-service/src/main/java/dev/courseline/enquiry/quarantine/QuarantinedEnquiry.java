package dev.courseline.enquiry.quarantine;

import java.time.Instant;

import org.springframework.data.annotation.Id;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.intake.Organisation;

/** A suspect enquiry as the staff list shows it, read from the enquiries collection. */
public record QuarantinedEnquiry(@Id String id, EnquiryKind kind, Instant receivedAt, Contact contact,
        Organisation organisation, String summary, String message, Quarantine quarantine, boolean anonymised) {

    /** What staff see: the held lead and events stay inside. */
    public View view() {
        return new View(id, kind, receivedAt, contact, organisation, summary, message, quarantine.status(),
                quarantine.reasons(), quarantine.lead() == null ? null : quarantine.lead().team(),
                quarantine.decidedBy(), quarantine.decidedAt());
    }

    public record View(String enquiryId, EnquiryKind kind, Instant receivedAt, Contact contact,
            Organisation organisation, String summary, String message, Quarantine.QuarantineStatus status,
            java.util.List<String> reasons, String team, String decidedBy, Instant decidedAt) {
    }
}
