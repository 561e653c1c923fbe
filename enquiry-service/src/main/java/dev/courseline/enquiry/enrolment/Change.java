package dev.courseline.enquiry.enrolment;

import java.util.List;

import dev.courseline.enquiry.outbox.PendingEvent;

/**
 * What one decision does to a run's seats: its state afterwards, the events it causes and what the caller gets.
 * {@code appended} is the one enrolment added, when that is all that changed in the list (written with a push
 * instead of rewriting the whole list).
 */
record Change<T>(RunSeats after, Enrolment appended, List<PendingEvent> events, T result) {

    static <T> Change<T> none(T result) {
        return new Change<>(null, null, List.of(), result);
    }

    boolean changesNothing() {
        return after == null;
    }
}
