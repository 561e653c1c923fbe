package dev.courseline.enquiry.enrolment;

import java.util.List;

/**
 * What a seat rule decided for one run: its state afterwards ({@code null} when nothing changes), the one enrolment
 * added when that is all that changed in the list (so the writer can push it instead of rewriting the list), and
 * what each learner concerned is to be told.
 */
record SeatDecision(RunSeats after, Enrolment appended, List<Notice> notices) {

    static SeatDecision none() {
        return new SeatDecision(null, null, List.of());
    }

    boolean changesNothing() {
        return after == null;
    }

    /** One learner's news: an {@link EnrolmentEvent} type, their enrolment as it now is, and its details. */
    record Notice(String type, Enrolment enrolment, Integer waitlistPosition, String reason) {
    }
}
