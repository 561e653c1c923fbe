package dev.courseline.enquiry.enrolment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;

import dev.courseline.enquiry.catalogue.RunPayload;
import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.web.ConflictException;
import dev.courseline.enquiry.web.InvalidRequestException;
import dev.courseline.enquiry.web.NotFoundException;
import dev.courseline.enquiry.web.TitledProblem;

/**
 * The seat rules of one run: a run's state and a request in, a decision out, nothing read or written. A refusal is
 * thrown as the problem the learner sees. Seats go first come, first served: a freed seat goes to the head of the
 * waitlist in the same decision, and a confirmed place is never taken back except by cancelling the run.
 */
final class SeatRules {

    static final String LEARNER_CANCELLED = "LEARNER_CANCELLED";
    static final String RUN_CANCELLED = "RUN_CANCELLED";

    private final int waitlistCap;

    SeatRules(int waitlistCap) {
        this.waitlistCap = waitlistCap;
    }

    /**
     * Takes a seat if one is left, else joins the waitlist unless it already holds {@code waitlistCap} places. Refused
     * for an unknown run, a run not open for enrolment, and an email already holding a place on this run.
     */
    SeatDecision enrol(RunSeats state, Applicant applicant, Instant now) {
        if (state == null) {
            throw InvalidRequestException.of("runId", "is not a run we know");
        }
        if (!state.takesEnrolments(now)) {
            throw InvalidRequestException.of("runId", "is not open for enrolment");
        }
        if (state.enrolments().stream().anyMatch(e -> e.status().isActive()
                && applicant.emailSha256().equals(e.emailSha256()))) {
            throw new ConflictException("This email is already enrolled on this run.");
        }
        boolean seat = state.seatsLeft() > 0;
        if (!seat && state.waiting() >= waitlistCap) {
            throw new TitledProblem(HttpStatus.CONFLICT, "Waitlist full",
                    "This date is fully booked and its waitlist is full. Please choose another date.");
        }
        EnrolmentStatus status = seat ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED;
        Integer position = seat ? null : (int) state.waiting() + 1;
        Enrolment enrolment = new Enrolment(applicant.enrolmentId(), applicant.learner(), applicant.emailSha256(),
                applicant.organisation(), applicant.purchaseOrder(), applicant.consent(), status,
                applicant.cancelTokenSha256(), now, now, null, null);
        List<Enrolment> all = new ArrayList<>(state.enrolments());
        all.add(enrolment);
        RunSeats after = next(state, state.run(), state.status(), state.maxCapacity(),
                state.seatsLeft() - (seat ? 1 : 0), all);
        return new SeatDecision(after, enrolment, List.of(new SeatDecision.Notice(
                seat ? EnrolmentEvent.CONFIRMED : EnrolmentEvent.WAITLISTED, enrolment, position, null)));
    }

    /**
     * The learner cancels with the token of their link: a confirmed place frees its seat for the head of the
     * waitlist. Nothing changes for a place already cancelled; a wrong token is told apart from nothing.
     */
    SeatDecision cancel(RunSeats state, String enrolmentId, String token, Instant now) {
        Enrolment target = state.enrolments().stream().filter(e -> e.enrolmentId().equals(enrolmentId))
                .findFirst().orElse(null);
        if (target == null || !CancelTokens.matches(token, target.cancelTokenSha256())) {
            throw new NotFoundException("No enrolment for this link.");
        }
        if (!target.status().isActive()) {
            return SeatDecision.none();
        }
        List<SeatDecision.Notice> notices = new ArrayList<>();
        List<Enrolment> all = new ArrayList<>();
        for (Enrolment e : state.enrolments()) {
            if (e == target) {
                Enrolment cancelled = e.with(EnrolmentStatus.CANCELLED, LEARNER_CANCELLED, now);
                all.add(cancelled);
                notices.add(new SeatDecision.Notice(EnrolmentEvent.CANCELLED, cancelled, null, LEARNER_CANCELLED));
            } else {
                all.add(e);
            }
        }
        // From the capacity, not the seat count plus one: after the capacity was lowered below the confirmed places,
        // a cancellation frees a seat only once the run is under its new capacity.
        int seatsLeft = promote(all, seatsFree(state.maxCapacity(), all), notices, now);
        return new SeatDecision(next(state, state.run(), state.status(), state.maxCapacity(), seatsLeft, all), null,
                notices);
    }

    /**
     * A run as the catalogue now describes it. A new run starts with all its seats; an older or repeated version
     * changes nothing. A cancelled run cancels every active place. Otherwise the seats left follow the capacity:
     * more capacity promotes from the waitlist, less never un-confirms anyone (no seats are left until enough
     * cancel), and a new time, place or way of delivery tells every active learner not told otherwise.
     */
    SeatDecision applyRun(RunSeats state, RunPayload run, Instant now) {
        RunDetails details = RunDetails.of(run);
        if (state == null) {
            return new SeatDecision(new RunSeats(run.id(), details, run.status(), run.maxCapacity(),
                    Math.max(run.maxCapacity(), 0), List.of(), -1, List.of(), OutboxLease.free()), null, List.of());
        }
        if (run.version() <= state.run().version()) {
            return SeatDecision.none();
        }
        List<SeatDecision.Notice> notices = new ArrayList<>();
        List<Enrolment> all = new ArrayList<>(state.enrolments());
        int seatsLeft;
        if ("CANCELLED".equals(run.status())) {
            for (int i = 0; i < all.size(); i++) {
                Enrolment e = all.get(i);
                if (e.status().isActive()) {
                    Enrolment cancelled = e.with(EnrolmentStatus.CANCELLED, RUN_CANCELLED, now);
                    all.set(i, cancelled);
                    notices.add(new SeatDecision.Notice(EnrolmentEvent.CANCELLED, cancelled, null, RUN_CANCELLED));
                }
            }
            seatsLeft = 0;
        } else {
            seatsLeft = promote(all, seatsFree(run.maxCapacity(), all), notices, now);
            if (details.isRescheduledFrom(state.run())) {
                int position = 0;
                for (Enrolment e : all) {
                    if (e.status() == EnrolmentStatus.WAITLISTED) {
                        position++;
                    }
                    if (e.status().isActive() && notices.stream()
                            .noneMatch(n -> n.enrolment().enrolmentId().equals(e.enrolmentId()))) {
                        Integer shown = e.status() == EnrolmentStatus.WAITLISTED ? position : null;
                        notices.add(new SeatDecision.Notice(EnrolmentEvent.RESCHEDULED, e, shown, null));
                    }
                }
            }
        }
        return new SeatDecision(next(state, details, run.status(), run.maxCapacity(), seatsLeft, all), null, notices);
    }

    /** Replaces the personal data of the enrolments {@code which} selects; their places stay as they are. */
    SeatDecision erase(RunSeats state, Predicate<Enrolment> which) {
        List<Enrolment> all = new ArrayList<>(state.enrolments());
        boolean erased = false;
        for (int i = 0; i < all.size(); i++) {
            if (which.test(all.get(i))) {
                all.set(i, all.get(i).erased());
                erased = true;
            }
        }
        return erased
                ? new SeatDecision(next(state, state.run(), state.status(), state.maxCapacity(),
                        state.seatsLeft(), all), null, List.of())
                : SeatDecision.none();
    }

    /** The seats the capacity leaves beside the confirmed places; none when more are confirmed than it holds. */
    private static int seatsFree(int maxCapacity, List<Enrolment> enrolments) {
        long confirmed = enrolments.stream().filter(e -> e.status() == EnrolmentStatus.CONFIRMED).count();
        return (int) Math.max(0, maxCapacity - confirmed);
    }

    /** Gives free seats to the waitlist, first come first served; returns the seats still left. */
    private static int promote(List<Enrolment> all, int seatsLeft, List<SeatDecision.Notice> notices, Instant now) {
        for (int i = 0; i < all.size() && seatsLeft > 0; i++) {
            Enrolment e = all.get(i);
            if (e.status() == EnrolmentStatus.WAITLISTED) {
                Enrolment promoted = e.with(EnrolmentStatus.CONFIRMED, null, now);
                all.set(i, promoted);
                seatsLeft--;
                notices.add(new SeatDecision.Notice(EnrolmentEvent.PROMOTED, promoted, null, null));
            }
        }
        return seatsLeft;
    }

    private static RunSeats next(RunSeats state, RunDetails run, String status, int maxCapacity, int seatsLeft,
            List<Enrolment> enrolments) {
        return new RunSeats(state.id(), run, status, maxCapacity, seatsLeft, List.copyOf(enrolments),
                state.revision() + 1, List.of(), state.outbox());
    }
}
