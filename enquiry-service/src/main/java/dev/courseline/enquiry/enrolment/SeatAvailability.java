package dev.courseline.enquiry.enrolment;

/**
 * How full a run is, for the website's "N seats left" or "Waitlist": counts only, no enrolment and no personal data.
 * {@code open} says whether an enrolment would be taken now (a scheduled or confirmed run that has not started).
 */
public record SeatAvailability(String runId, int maxCapacity, int seatsLeft, int waitlisted, boolean open) {
}
