package dev.courseline.enquiry.enrolment;

import java.util.List;

import dev.courseline.enquiry.outbox.PendingEvent;

/**
 * A seat decision as the writer stores it: the run's state afterwards, the events it causes and what the caller
 * gets. {@code appended} is the one enrolment added, when that is all that changed in the list (written with a push
 * instead of rewriting the whole list).
 */
record Change<T>(RunSeats after, Enrolment appended, List<PendingEvent> events, T result) {

    static <T> Change<T> of(SeatDecision decision, List<PendingEvent> events, T result) {
        return new Change<>(decision.after(), decision.appended(), events, result);
    }

    boolean changesNothing() {
        return after == null;
    }
}
