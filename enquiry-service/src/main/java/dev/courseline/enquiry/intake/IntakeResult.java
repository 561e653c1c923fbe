package dev.courseline.enquiry.intake;

import java.util.List;

/**
 * What intake decided: the enquiry's id, whether it repeats an earlier one, and the reasons it is held in quarantine
 * (empty when it is not). The requester is never told of a quarantine: their answer is built from the id alone.
 */
public record IntakeResult(String enquiryId, String duplicateOf, List<String> quarantinedFor) {

    static IntakeResult of(Enquiry enquiry) {
        return new IntakeResult(enquiry.id(), enquiry.duplicateOf(), List.of());
    }

    static IntakeResult heldInQuarantine(Enquiry enquiry, List<String> reasons) {
        return new IntakeResult(enquiry.id(), null, List.copyOf(reasons));
    }

    public boolean quarantined() {
        return !quarantinedFor.isEmpty();
    }
}
