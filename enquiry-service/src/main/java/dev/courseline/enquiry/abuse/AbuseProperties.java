package dev.courseline.enquiry.abuse;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on the public POSTs and what makes a submission suspect.
 *
 * <p>{@code trustedProxies}: addresses or CIDRs (the website, the Ingress) whose {@code X-Forwarded-For} names the
 * real client; from any other peer the header is ignored. {@code limits}: hard limits per fixed window, by client
 * address, by email and by organisation, answered {@code 429}. {@code suspicion}: what quarantines a quote or
 * membership request instead of refusing it. {@code idempotencyWindow}: how long an Idempotency-Key is remembered.
 * {@code enrolments}: the bounds on one email's active places and on a run's waitlist.
 */
@ConfigurationProperties("enquiry.abuse")
public record AbuseProperties(List<String> trustedProxies, Limits limits, Suspicion suspicion,
        Duration idempotencyWindow, Enrolments enrolments) {

    /** At most {@code requests} in each window of length {@code window}; 0 or less switches the limit off. */
    public record Limit(int requests, Duration window) {

        boolean enabled() {
            return requests > 0 && window != null && !window.isZero() && !window.isNegative();
        }
    }

    public record Limits(Limit address, Limit email, Limit organisation) {
    }

    /**
     * {@code burstThreshold}: more submissions than this from one address within the address limit's window are
     * suspect (0 switches it off). {@code minFormAge}: a form sent sooner than this after the website rendered it is
     * suspect (zero switches it off); {@code maxFormAge}: an older stamp is suspect (a stamp replayed by a script).
     * {@code requireFormStamp}: whether a submission without the website's stamp is suspect (direct API clients send
     * none). {@code disposableDomains}: email domains (and their subdomains) that are suspect.
     */
    public record Suspicion(int burstThreshold, Duration minFormAge, Duration maxFormAge, String formStampSecret,
            boolean requireFormStamp, List<String> disposableDomains) {
    }

    /** {@code maxActivePerEmail}: confirmed and waitlisted places one email may hold across all runs. */
    public record Enrolments(int maxActivePerEmail, int waitlistCap) {
    }
}
