package dev.courseline.enquiry.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Who is on a run, for the catalogue manager: the confirmed learners and the waitlist in its order. Read only; the
 * learners' consent records, tokens and the run's pending events never leave the service.
 */
public record RunRoster(String runId, String courseTitle, int maxCapacity, int seatsLeft, List<Place> confirmed,
        List<Place> waitlist, int cancelled) {

    /** One place; {@code position} counts from 1 on the waitlist and is null for a confirmed seat. */
    public record Place(String enrolmentId, String name, String email, String organisation, Instant enrolledAt,
            Integer position) {
    }

    static RunRoster of(RunSeats seats) {
        List<Enrolment> waiting = seats.enrolments().stream()
                .filter(e -> e.status() == EnrolmentStatus.WAITLISTED).toList();
        return new RunRoster(seats.id(), seats.run() == null ? null : seats.run().courseTitle(), seats.maxCapacity(),
                seats.seatsLeft(),
                seats.enrolments().stream().filter(e -> e.status() == EnrolmentStatus.CONFIRMED)
                        .map(e -> place(e, null)).toList(),
                IntStream.range(0, waiting.size()).mapToObj(i -> place(waiting.get(i), i + 1)).toList(),
                (int) seats.enrolments().stream().filter(e -> e.status() == EnrolmentStatus.CANCELLED).count());
    }

    private static Place place(Enrolment enrolment, Integer position) {
        return new Place(enrolment.enrolmentId(), enrolment.learner().name(), enrolment.learner().email(),
                enrolment.organisation(), enrolment.enrolledAt(), position);
    }
}
