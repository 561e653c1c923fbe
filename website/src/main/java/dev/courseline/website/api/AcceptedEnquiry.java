package dev.courseline.website.api;

/** The enquiry service's {@code 202} answer to a quote or membership request. */
public record AcceptedEnquiry(String enquiryId, String status, String duplicateOf) {
}
