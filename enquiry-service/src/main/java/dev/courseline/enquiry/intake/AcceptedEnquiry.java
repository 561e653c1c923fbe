package dev.courseline.enquiry.intake;

/** The answer to an accepted quote or membership request. */
public record AcceptedEnquiry(String enquiryId, String status, String duplicateOf, AcceptedLinks links) {

    public record AcceptedLinks(String status) {
    }
}
