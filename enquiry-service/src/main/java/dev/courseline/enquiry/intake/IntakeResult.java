package dev.courseline.enquiry.intake;

/** What intake answers: the enquiry's id, and whether it repeats an earlier one. */
public record IntakeResult(String enquiryId, String duplicateOf) {

    static IntakeResult of(Enquiry enquiry) {
        return new IntakeResult(enquiry.id(), enquiry.duplicateOf());
    }
}
