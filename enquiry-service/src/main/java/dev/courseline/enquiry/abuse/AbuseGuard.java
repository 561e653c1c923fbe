package dev.courseline.enquiry.abuse;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.abuse.AbuseProperties.Limit;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.metrics.AbuseMetrics;

/**
 * Counts each public POST against the limits by client address, email and organisation (refusing it with
 * {@link TooManyRequests} beyond any of them) and says whether a submission within the limits is suspect.
 */
@Component
public class AbuseGuard {

    private final AbuseProperties properties;
    private final RateCounters counters;
    private final AbuseMetrics metrics;
    private final Clock clock;

    public AbuseGuard(AbuseProperties properties, RateCounters counters, AbuseMetrics metrics, Clock clock) {
        this.properties = properties;
        this.counters = counters;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Counts a submission; {@code email} and {@code organisationKey} may be null (a cancellation has neither). */
    public Mono<Screening> screen(ClientSignals signals, String email, String organisationKey) {
        AbuseProperties.Limits limits = properties.limits();
        String emailSha256 = email == null ? null : Fingerprints.emailSha256(email);
        return Mono.zip(count("address:" + Fingerprints.sha256(signals.address()), limits.address()),
                emailSha256 == null ? Mono.just(Counted.OFF) : count("email:" + emailSha256, limits.email()),
                organisationKey == null
                        ? Mono.just(Counted.OFF)
                        : count("organisation:" + organisationKey, limits.organisation()))
                .map(counted -> {
                    long retryAfter = Math.max(counted.getT1().retryAfter(),
                            Math.max(counted.getT2().retryAfter(), counted.getT3().retryAfter()));
                    if (retryAfter > 0) {
                        countOverLimits(counted.getT1(), counted.getT2(), counted.getT3());
                        throw new TooManyRequests("Too many requests from this client, email or organisation; "
                                + "nothing was stored. Please try again after " + retryAfter + " seconds.",
                                retryAfter);
                    }
                    return new Screening(reasons(signals, email, counted.getT1().count()));
                });
    }

    private void countOverLimits(Counted address, Counted email, Counted organisation) {
        if (address.retryAfter() > 0) {
            metrics.overLimit("address");
        }
        if (email.retryAfter() > 0) {
            metrics.overLimit("email");
        }
        if (organisation.retryAfter() > 0) {
            metrics.overLimit("organisation");
        }
    }

    /** A count in the current window, and the seconds to wait when it is over the limit (0 when it is not). */
    private record Counted(long count, long retryAfter) {
        static final Counted OFF = new Counted(0, 0);
    }

    private Mono<Counted> count(String key, Limit limit) {
        if (limit == null || !limit.enabled()) {
            return Mono.just(Counted.OFF);
        }
        return counters.increment(key, limit.window()).map(count -> {
            Instant now = clock.instant();
            return new Counted(count.count(), count.count() > limit.requests() ? count.secondsLeft(now) : 0);
        });
    }

    private List<String> reasons(ClientSignals signals, String email, long fromAddress) {
        AbuseProperties.Suspicion suspicion = properties.suspicion();
        List<String> reasons = new ArrayList<>();
        if (signals.honeypot() != null && !signals.honeypot().isEmpty()) {
            reasons.add("HONEYPOT");
        }
        if (signals.formStamp() != null) {
            String problem = FormStamps.problem(signals.formStamp(), suspicion.formStampSecret(), clock.instant(),
                    suspicion.minFormAge(), suspicion.maxFormAge());
            if (problem != null) {
                reasons.add(problem);
            }
        } else if (suspicion.requireFormStamp()) {
            reasons.add("FORM_STAMP_MISSING");
        }
        if (suspicion.burstThreshold() > 0 && fromAddress > suspicion.burstThreshold()) {
            reasons.add("BURST");
        }
        if (email != null && isDisposable(email)) {
            reasons.add("DISPOSABLE_EMAIL");
        }
        return List.copyOf(reasons);
    }

    boolean isDisposable(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        List<String> disposable = properties.suspicion().disposableDomains();
        return disposable != null && disposable.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }
}
