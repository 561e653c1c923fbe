package dev.courseline.enquiry.enrolment;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.outbox.PendingEvent;

/**
 * A run's seats: the run's details, the seats left, every enrolment in arrival order and the events not yet published,
 * all in one document. Every change is one update conditional on {@code revision}, so a seat, its enrolment and its
 * event are written together or not at all, and two writers can never both take the last seat.
 */
@Document(RunSeats.COLLECTION)
public record RunSeats(@Id String id, RunDetails run, String status, int maxCapacity, int seatsLeft,
        List<Enrolment> enrolments, long revision, List<PendingEvent> pendingEvents, OutboxLease outbox) {

    public static final String COLLECTION = "runs";

    boolean takesEnrolments(Instant now) {
        return takesEnrolments(status, run.startUtc(), now);
    }

    /** A scheduled or confirmed run takes enrolments until it starts. */
    static boolean takesEnrolments(String status, Instant startUtc, Instant now) {
        return ("SCHEDULED".equals(status) || "CONFIRMED".equals(status))
                && (startUtc == null || startUtc.isAfter(now));
    }

    long waiting() {
        return enrolments.stream().filter(e -> e.status() == EnrolmentStatus.WAITLISTED).count();
    }

    long confirmed() {
        return enrolments.stream().filter(e -> e.status() == EnrolmentStatus.CONFIRMED).count();
    }
}
