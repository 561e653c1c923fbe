package dev.courseline.enquiry.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.courseline.enquiry.catalogue.RunPayload;
import dev.courseline.enquiry.intake.Consent;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.web.ConflictException;
import dev.courseline.enquiry.web.InvalidRequestException;
import dev.courseline.enquiry.web.NotFoundException;
import dev.courseline.enquiry.web.TitledProblem;

/** The seat rules case by case, on states built in memory: no store, no clock, no Spring. */
class SeatRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final int WAITLIST_CAP = 3;

    private final SeatRules rules = new SeatRules(WAITLIST_CAP);

    // --- enrol ---------------------------------------------------------------------------------------------------

    @Test
    void anEnrolmentTakesASeatWhileOneIsLeft() {
        SeatDecision decision = rules.enrol(run(2), applicant("a"), NOW);

        assertThat(decision.appended().status()).isEqualTo(EnrolmentStatus.CONFIRMED);
        assertThat(decision.after().seatsLeft()).isEqualTo(1);
        assertThat(decision.after().enrolments()).extracting(Enrolment::enrolmentId).containsExactly("a");
        assertThat(decision.after().revision()).isEqualTo(8);
        assertThat(decision.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.type()).isEqualTo(EnrolmentEvent.CONFIRMED);
            assertThat(notice.waitlistPosition()).isNull();
        });
    }

    @Test
    void aFullRunWaitlistsInArrivalOrder() {
        RunSeats full = enrolAll(run(1), "a", "b");

        SeatDecision third = rules.enrol(full, applicant("c"), NOW);

        assertThat(third.appended().status()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(third.after().seatsLeft()).isZero();
        assertThat(third.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.type()).isEqualTo(EnrolmentEvent.WAITLISTED);
            assertThat(notice.waitlistPosition()).isEqualTo(2);
        });
    }

    @Test
    void aFullWaitlistRefuses() {
        RunSeats waitlistFull = enrolAll(run(1), "a", "b", "c", "d");

        assertThatThrownBy(() -> rules.enrol(waitlistFull, applicant("e"), NOW))
                .isInstanceOfSatisfying(TitledProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(409);
                    assertThat(problem.title()).isEqualTo("Waitlist full");
                });
    }

    @Test
    void theSameEmailCannotHoldTwoPlacesOnARunButMayComeBackAfterCancelling() {
        RunSeats enrolled = enrolAll(run(3), "a");

        assertThatThrownBy(() -> rules.enrol(enrolled, applicant("a-again", "a@example.com"), NOW))
                .isInstanceOf(ConflictException.class);

        RunSeats cancelled = rules.cancel(enrolled, "a", token("a"), NOW).after();
        assertThat(rules.enrol(cancelled, applicant("a-again", "a@example.com"), NOW).appended().status())
                .isEqualTo(EnrolmentStatus.CONFIRMED);
    }

    @Test
    void anUnknownRunARunThatStartedAndACancelledRunRefuse() {
        assertThatThrownBy(() -> rules.enrol(null, applicant("a"), NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("runId"));
        RunSeats started = run(3, NOW.minusSeconds(60), "SCHEDULED");
        assertThatThrownBy(() -> rules.enrol(started, applicant("a"), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not open for enrolment");
        RunSeats cancelled = run(3, NOW.plusSeconds(86_400), "CANCELLED");
        assertThatThrownBy(() -> rules.enrol(cancelled, applicant("a"), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not open for enrolment");
    }

    // --- cancel and promote ----------------------------------------------------------------------------------------

    @Test
    void cancellingAConfirmedPlacePromotesTheFirstWaitlisted() {
        RunSeats state = enrolAll(run(1), "a", "b", "c");

        SeatDecision decision = rules.cancel(state, "a", token("a"), NOW);

        assertThat(statuses(decision.after())).containsExactly(EnrolmentStatus.CANCELLED, EnrolmentStatus.CONFIRMED,
                EnrolmentStatus.WAITLISTED);
        assertThat(decision.after().seatsLeft()).isZero();
        assertThat(decision.appended()).as("the list is rewritten, not appended to").isNull();
        assertThat(decision.notices()).extracting(SeatDecision.Notice::type, n -> n.enrolment().enrolmentId(),
                SeatDecision.Notice::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EnrolmentEvent.CANCELLED, "a", SeatRules.LEARNER_CANCELLED),
                        org.assertj.core.groups.Tuple.tuple(EnrolmentEvent.PROMOTED, "b", null));
    }

    @Test
    void cancellingWithNoWaitlistFreesTheSeat() {
        SeatDecision decision = rules.cancel(enrolAll(run(2), "a"), "a", token("a"), NOW);

        assertThat(decision.after().seatsLeft()).isEqualTo(2);
        assertThat(decision.notices()).extracting(SeatDecision.Notice::type).containsExactly(EnrolmentEvent.CANCELLED);
    }

    @Test
    void cancellingAWaitlistedPlaceFreesNoSeat() {
        SeatDecision decision = rules.cancel(enrolAll(run(1), "a", "b"), "b", token("b"), NOW);

        assertThat(statuses(decision.after())).containsExactly(EnrolmentStatus.CONFIRMED, EnrolmentStatus.CANCELLED);
        assertThat(decision.after().seatsLeft()).isZero();
        assertThat(decision.notices()).extracting(SeatDecision.Notice::type).containsExactly(EnrolmentEvent.CANCELLED);
    }

    @Test
    void cancellingTwiceChangesNothingAndAWrongTokenIsNotFound() {
        RunSeats cancelled = rules.cancel(enrolAll(run(2), "a"), "a", token("a"), NOW).after();

        assertThat(rules.cancel(cancelled, "a", token("a"), NOW).changesNothing()).isTrue();
        assertThatThrownBy(() -> rules.cancel(cancelled, "a", token("b"), NOW)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rules.cancel(cancelled, "nobody", token("a"), NOW))
                .isInstanceOf(NotFoundException.class);
    }

    // --- the catalogue's changes to the run ------------------------------------------------------------------------

    @Test
    void aNewRunStartsWithAllItsSeats() {
        SeatDecision decision = rules.applyRun(null, payload(4, "SCHEDULED", 1, LocalDateTime.of(2027, 1, 4, 9, 0)),
                NOW);

        assertThat(decision.after().seatsLeft()).isEqualTo(4);
        assertThat(decision.after().enrolments()).isEmpty();
        assertThat(decision.notices()).isEmpty();
    }

    @Test
    void anOlderOrRepeatedVersionChangesNothing() {
        RunSeats state = enrolAll(run(1), "a", "b");

        assertThat(rules.applyRun(state, payload(5, "SCHEDULED", 7, START), NOW).changesNothing()).isTrue();
        assertThat(rules.applyRun(state, payload(5, "SCHEDULED", 3, START), NOW).changesNothing()).isTrue();
    }

    @Test
    void moreCapacityPromotesTheWaitlistFirstComeFirstServed() {
        RunSeats state = enrolAll(run(1), "a", "b", "c");

        SeatDecision decision = rules.applyRun(state, payload(2, "SCHEDULED", 8, START), NOW);

        assertThat(statuses(decision.after())).containsExactly(EnrolmentStatus.CONFIRMED, EnrolmentStatus.CONFIRMED,
                EnrolmentStatus.WAITLISTED);
        assertThat(decision.after().maxCapacity()).isEqualTo(2);
        assertThat(decision.after().seatsLeft()).isZero();
        assertThat(decision.notices()).extracting(SeatDecision.Notice::type, n -> n.enrolment().enrolmentId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EnrolmentEvent.PROMOTED, "b"));
    }

    @Test
    void lessCapacityNeverUnconfirmsAndLeavesNoSeat() {
        RunSeats state = enrolAll(run(3), "a", "b", "c");

        SeatDecision smaller = rules.applyRun(state, payload(1, "SCHEDULED", 8, START), NOW);

        assertThat(statuses(smaller.after())).containsOnly(EnrolmentStatus.CONFIRMED);
        assertThat(smaller.after().seatsLeft()).isZero();
        assertThat(smaller.notices()).isEmpty();
    }

    @Test
    void aCancellationAfterLessCapacityFreesASeatOnlyOnceTheRunIsUnderItsNewCapacity() {
        RunSeats smaller = rules.applyRun(enrolAll(run(3), "a", "b", "c", "w"), payload(1, "SCHEDULED", 8, START), NOW)
                .after();

        SeatDecision first = rules.cancel(smaller, "a", token("a"), NOW);
        assertThat(statuses(first.after())).as("two confirmed on a run of one: the waitlist still waits")
                .containsExactly(EnrolmentStatus.CANCELLED, EnrolmentStatus.CONFIRMED, EnrolmentStatus.CONFIRMED,
                        EnrolmentStatus.WAITLISTED);
        assertThat(first.after().seatsLeft()).isZero();

        SeatDecision second = rules.cancel(first.after(), "b", token("b"), NOW);
        assertThat(second.after().seatsLeft()).isZero();
        assertThat(statuses(second.after())).containsExactly(EnrolmentStatus.CANCELLED, EnrolmentStatus.CANCELLED,
                EnrolmentStatus.CONFIRMED, EnrolmentStatus.WAITLISTED);

        SeatDecision third = rules.cancel(second.after(), "c", token("c"), NOW);
        assertThat(statuses(third.after())).as("under capacity at last: the seat goes to the waitlist")
                .containsExactly(EnrolmentStatus.CANCELLED, EnrolmentStatus.CANCELLED, EnrolmentStatus.CANCELLED,
                        EnrolmentStatus.CONFIRMED);
        assertThat(third.after().seatsLeft()).isZero();
    }

    @Test
    void aRescheduleTellsEveryActiveLearnerWithTheirWaitlistPosition() {
        RunSeats state = rules.cancel(enrolAll(run(1), "a", "b", "c", "x"), "x", token("x"), NOW).after();
        // x was waitlisted; "c" is now second in line. Capacity 2 promotes "b", who is told once: promoted.
        SeatDecision decision = rules.applyRun(state, payload(2, "SCHEDULED", 8, START.plusDays(7)), NOW);

        assertThat(decision.after().run().start()).isEqualTo(START.plusDays(7));
        assertThat(decision.notices()).extracting(SeatDecision.Notice::type, n -> n.enrolment().enrolmentId(),
                SeatDecision.Notice::waitlistPosition).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EnrolmentEvent.PROMOTED, "b", null),
                        org.assertj.core.groups.Tuple.tuple(EnrolmentEvent.RESCHEDULED, "a", null),
                        org.assertj.core.groups.Tuple.tuple(EnrolmentEvent.RESCHEDULED, "c", 1));
    }

    @Test
    void aNewVersionAtTheSameTimeAndPlaceTellsNobody() {
        SeatDecision decision = rules.applyRun(enrolAll(run(2), "a"), payload(2, "CONFIRMED", 8, START), NOW);

        assertThat(decision.changesNothing()).isFalse();
        assertThat(decision.after().status()).isEqualTo("CONFIRMED");
        assertThat(decision.notices()).isEmpty();
    }

    @Test
    void aCancelledRunCancelsEveryActivePlaceAndLeavesNoSeat() {
        RunSeats state = rules.cancel(enrolAll(run(1), "a", "b", "c"), "c", token("c"), NOW).after();

        SeatDecision decision = rules.applyRun(state, payload(1, "CANCELLED", 8, START), NOW);

        assertThat(statuses(decision.after())).containsOnly(EnrolmentStatus.CANCELLED);
        assertThat(decision.after().seatsLeft()).isZero();
        assertThat(decision.notices()).extracting(n -> n.enrolment().enrolmentId(), SeatDecision.Notice::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", SeatRules.RUN_CANCELLED),
                        org.assertj.core.groups.Tuple.tuple("b", SeatRules.RUN_CANCELLED));
        assertThat(decision.after().enrolments().get(2).reason()).as("c's own cancellation stays")
                .isEqualTo(SeatRules.LEARNER_CANCELLED);
    }

    // --- erasure -------------------------------------------------------------------------------------------------

    @Test
    void erasureReplacesThePersonButKeepsThePlace() {
        RunSeats state = enrolAll(run(1), "a", "b");
        String bSha = Fingerprints.emailSha256("b@example.com");

        SeatDecision decision = rules.erase(state, e -> bSha.equals(e.emailSha256()));

        Enrolment erased = decision.after().enrolments().get(1);
        assertThat(erased.learner()).isEqualTo(Learner.erased());
        assertThat(erased.emailSha256()).isNull();
        assertThat(erased.status()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(decision.notices()).isEmpty();
        assertThat(rules.erase(state, e -> false).changesNothing()).isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static final LocalDateTime START = LocalDateTime.of(2027, 1, 4, 9, 0);

    private static RunSeats run(int capacity) {
        return run(capacity, NOW.plusSeconds(30 * 86_400), "SCHEDULED");
    }

    private static RunSeats run(int capacity, Instant startUtc, String status) {
        RunDetails details = new RunDetails("run-1", "psm", "Professional Scrum Master", START, START.plusHours(8),
                "Europe/London", startUtc, startUtc.plusSeconds(8 * 3600), "IN_PERSON", null, 7);
        return new RunSeats("run-1", details, status, capacity, capacity, List.of(), 7, List.of(), OutboxLease.free());
    }

    private static RunPayload payload(int capacity, String status, long version, LocalDateTime start) {
        Instant startUtc = NOW.plusSeconds(30 * 86_400);
        return new RunPayload("run-1", "psm", "Professional Scrum Master", start, START.plusHours(8), "Europe/London",
                startUtc, startUtc.plusSeconds(8 * 3600), "IN_PERSON", null, 1, capacity, status, version, NOW);
    }

    private RunSeats enrolAll(RunSeats state, String... ids) {
        for (String id : ids) {
            state = rules.enrol(state, applicant(id), NOW).after();
        }
        return state;
    }

    private static Applicant applicant(String id) {
        return applicant(id, id + "@example.com");
    }

    private static Applicant applicant(String id, String email) {
        return new Applicant(id, new Learner("Learner " + id, email), Fingerprints.emailSha256(email), null, null,
                new Consent("v1", false, NOW), CancelTokens.hash(token(id)));
    }

    private static String token(String id) {
        return "token-" + id;
    }

    private static List<EnrolmentStatus> statuses(RunSeats state) {
        List<EnrolmentStatus> statuses = new ArrayList<>();
        state.enrolments().forEach(e -> statuses.add(e.status()));
        return statuses;
    }
}
