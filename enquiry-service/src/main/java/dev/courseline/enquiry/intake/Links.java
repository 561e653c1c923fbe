package dev.courseline.enquiry.intake;

/** Links carried by enquiry and lead events: the public status page and the staff view of the lead. */
public record Links(String status, String lead) {
}
