package dev.courseline.website.api.staff;

import java.time.Instant;
import java.util.List;

/** Who is on a run, as the enquiry service's staff API shows it: confirmed learners and the waitlist in order. */
public record RunRoster(String runId, String courseTitle, int maxCapacity, int seatsLeft, List<Place> confirmed,
        List<Place> waitlist, int cancelled) {

    public record Place(String enrolmentId, String name, String email, String organisation, Instant enrolledAt,
            Integer position) {
    }
}
