package dev.courseline.website.api;

/** How many seats of a run are left, as the enquiry service (which owns seats) counts them. */
public record Seats(String runId, int maxCapacity, int seatsLeft, int waitlisted, boolean open) {
}
