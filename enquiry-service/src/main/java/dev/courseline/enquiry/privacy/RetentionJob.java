package dev.courseline.enquiry.privacy;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.Enquiry;

/**
 * Anonymises the enquiries of leads closed (won or lost) longer ago than the retention period. A scheduled job,
 * because a TTL index would delete, not anonymise. The check reads through {@link Enquiry}'s
 * {@code retention_closed_at}, a partial index of the kept enquiries whose lead is closed.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final String CLOSED_AT = "lead.closedAt";

    private final Anonymiser anonymiser;
    private final PrivacyProperties properties;
    private final Clock clock;

    public RetentionJob(Anonymiser anonymiser, PrivacyProperties properties, Clock clock) {
        this.anonymiser = anonymiser;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${enquiry.privacy.retention-check-interval}")
    public void applyRetention() {
        Integer anonymised = anonymiseExpired(clock.instant()).block();
        if (anonymised != null && anonymised > 0) {
            log.info("Anonymised {} enquiry(ies) past the retention period", anonymised);
        }
    }

    public Mono<Integer> anonymiseExpired() {
        return anonymiseExpired(clock.instant());
    }

    private Mono<Integer> anonymiseExpired(Instant now) {
        return anonymiser.anonymiseEnquiries(kept().and(CLOSED_AT).lt(cutOff(now)));
    }

    private Instant cutOff(Instant now) {
        return now.minus(properties.retention());
    }

    private static Criteria kept() {
        return Criteria.where("anonymised").is(false);
    }
}
