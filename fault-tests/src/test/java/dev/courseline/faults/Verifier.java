package dev.courseline.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.awaitility.core.ConditionTimeoutException;

import tools.jackson.databind.JsonNode;

import dev.courseline.faults.LoadClient.Acknowledged;
import dev.courseline.faults.LoadClient.Kind;

/**
 * What a scenario promises, checked on what users and staff would see: for every request answered 2xx one lead email
 * to sales and one acknowledgement to the contact (a quote), or one email to the learner (an enrolment); a run's
 * confirmed learners within its capacity, each once, and every acknowledged enrolment on its roster; and nothing left
 * to send (the outboxes and the delivery log empty of pending work).
 */
final class Verifier {

    private static final Duration POLL = Duration.ofMillis(500);

    private final FaultSystem system;
    private final Inbox inbox;
    private final StaffApi staff;
    /** Addresses a scenario made the mail server refuse for good: their requests are owed every other email. */
    private final Set<String> refusedForGood = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Verifier(FaultSystem system, StaffApi staff) {
        this.system = system;
        this.inbox = new Inbox(system.stack().greenMail());
        this.staff = staff;
    }

    /** From now on no email to {@code address} is expected: the mail server refuses it for good (5xx). */
    void expectNoEmailTo(String address) {
        refusedForGood.add(address.toLowerCase(java.util.Locale.ROOT));
    }

    /** What the mail server received so far. */
    Inbox.Counts inbox() {
        return inbox.counts();
    }

    /** Distinct emails the mail server received for {@code address} so far. */
    int emailsTo(String address) {
        return inbox.counts().to(address);
    }

    /** Waits until the requests acknowledged so far have all their emails; returns how long that took from now. */
    Duration awaitCaughtUp(List<Acknowledged> acknowledged, Duration atMost) {
        Instant from = Instant.now();
        await("the emails of " + acknowledged.size() + " acknowledged requests").atMost(atMost).pollInterval(POLL)
                .until(() -> missing(acknowledged, inbox.counts()).isEmpty());
        return Duration.between(from, Instant.now());
    }

    /**
     * After the load has stopped: waits (at most {@code atMost}) for every acknowledged request's emails and for
     * nothing pending anywhere, then counts. Does not throw on a timeout: the figures say what is missing.
     */
    Figures settle(LoadClient load, String runId, int capacity, Duration atMost) {
        await("the load client's last answers").atMost(Duration.ofMinutes(3)).pollInterval(POLL).until(load::settled);
        List<Acknowledged> acknowledged = load.acknowledged();
        boolean settled = true;
        try {
            await("every acknowledged request emailed and nothing pending").atMost(atMost).pollInterval(POLL)
                    .until(() -> missing(acknowledged, inbox.counts()).isEmpty() && nothingPending());
        } catch (ConditionTimeoutException e) {
            settled = false;
        }
        Inbox.Counts counts = inbox.counts();
        List<String> lost = missing(acknowledged, counts);
        List<String> duplicates = duplicates(acknowledged, counts);
        Roster roster = runId == null ? Roster.NONE : roster(runId, capacity, load.acknowledged(Kind.ENROLMENT));
        return new Figures(load.sent(), load.acknowledged(Kind.QUOTE).size(), load.acknowledged(Kind.ENROLMENT).size(),
                load.retries(), load.refused(), load.unanswered().stream()
                        .map(u -> u.request().key() + " last answered " + u.lastStatus() + " after " + u.attempts()
                                + " attempts")
                        .toList(),
                acknowledged.size() - (int) acknowledged.stream()
                        .filter(a -> lost.stream().anyMatch(l -> l.startsWith(a.request().key() + ":"))).count(),
                lost, duplicates, repeats(acknowledged, counts), roster, settled, pendingNow());
    }

    /** Each acknowledged request's missing emails, as "key: what". */
    private List<String> missing(List<Acknowledged> acknowledged, Inbox.Counts counts) {
        List<String> missing = new ArrayList<>();
        for (Acknowledged answer : acknowledged) {
            LoadClient.Request request = answer.request();
            if (counts.to(request.email()) == 0
                    && !refusedForGood.contains(request.email().toLowerCase(java.util.Locale.ROOT))) {
                missing.add(request.key() + ": no email to " + request.email());
            }
            if (request.kind() == Kind.QUOTE && counts.leadsFor(request.organisation()) == 0) {
                missing.add(request.key() + ": no lead email for " + request.organisation());
            }
        }
        return missing;
    }

    /** Repeats among this load's emails only: the inbox holds every scenario's, and a repeat belongs to one. */
    private static int repeats(List<Acknowledged> acknowledged, Inbox.Counts counts) {
        int repeats = 0;
        for (Acknowledged answer : acknowledged) {
            LoadClient.Request request = answer.request();
            repeats += counts.repeatsTo(request.email());
            if (request.kind() == Kind.QUOTE) {
                repeats += counts.leadRepeatsFor(request.organisation());
            }
        }
        return repeats;
    }

    private static List<String> duplicates(List<Acknowledged> acknowledged, Inbox.Counts counts) {
        List<String> duplicates = new ArrayList<>();
        for (Acknowledged answer : acknowledged) {
            LoadClient.Request request = answer.request();
            if (counts.to(request.email()) > 1) {
                duplicates.add(request.key() + ": " + counts.to(request.email()) + " emails to " + request.email());
            }
            if (request.kind() == Kind.QUOTE && counts.leadsFor(request.organisation()) > 1) {
                duplicates.add(request.key() + ": " + counts.leadsFor(request.organisation()) + " lead emails");
            }
        }
        return duplicates;
    }

    private boolean nothingPending() {
        return pendingNow() == 0;
    }

    /** Events the outboxes have not published plus notifications not yet sent; -1 when a service does not answer. */
    private long pendingNow() {
        var enquiry = Metrics.sum(system.url("enquiry", ""), "courseline_outbox_pending", "");
        var catalogue = Metrics.sum(system.url("catalogue", ""), "courseline_outbox_pending", "");
        var pending = Metrics.sum(system.url("notification", ""), "courseline_notifications", "state=\"pending\"");
        var sending = Metrics.sum(system.url("notification", ""), "courseline_notifications", "state=\"sending\"");
        if (enquiry.isEmpty() || catalogue.isEmpty() || pending.isEmpty() || sending.isEmpty()) {
            return -1;
        }
        return Math
                .round(enquiry.getAsDouble() + catalogue.getAsDouble() + pending.getAsDouble() + sending.getAsDouble());
    }

    private Roster roster(String runId, int capacity, List<Acknowledged> enrolments) {
        JsonNode roster = staff.roster(runId);
        if (roster == null) {
            return new Roster(capacity, -1, -1, List.of("the roster of " + runId + " could not be read"));
        }
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int confirmed = 0;
        int waitlisted = 0;
        for (JsonNode place : roster.path("confirmed")) {
            confirmed++;
            if (!seen.add(place.path("email").asString())) {
                wrong.add(place.path("email").asString() + " holds two places");
            }
        }
        for (JsonNode place : roster.path("waitlist")) {
            waitlisted++;
            if (!seen.add(place.path("email").asString())) {
                wrong.add(place.path("email").asString() + " holds two places");
            }
        }
        if (confirmed > capacity) {
            wrong.add(confirmed + " confirmed on a run of " + capacity + " seats");
        }
        for (Acknowledged enrolment : enrolments) {
            if (!seen.contains(enrolment.request().email())) {
                wrong.add(enrolment.request().key() + " acknowledged but not on the roster");
            }
        }
        return new Roster(capacity, confirmed, waitlisted, wrong);
    }

    /** A run's places after a scenario; {@code wrong} lists oversold seats, doubles and acknowledged learners missing. */
    record Roster(int capacity, int confirmed, int waitlisted, List<String> wrong) {

        static final Roster NONE = new Roster(0, 0, 0, List.of());
    }

    /** What a scenario's load did, and what came of it. */
    record Figures(int sent, int quotesAcknowledged, int enrolmentsAcknowledged, int retries, List<String> refused,
            List<String> unanswered, int emailed, List<String> lost, List<String> duplicates, int repeats,
            Roster roster, boolean settled,
            long pendingAtEnd) {

        int acknowledged() {
            return quotesAcknowledged + enrolmentsAcknowledged;
        }
    }
}
