package dev.courseline.enquiry.privacy;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Anonymises the enquiries of leads closed (won or lost) longer ago than the retention period. A scheduled job,
 * because the embedded store has no TTL indexes (and a TTL would delete, not anonymise).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

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
        Integer anonymised = anonymiseExpired().block();
        if (anonymised != null && anonymised > 0) {
            log.info("Anonymised {} enquiry(ies) past the retention period", anonymised);
        }
    }

    public Mono<Integer> anonymiseExpired() {
        return anonymiser.anonymiseEnquiries(Criteria.where("lead.closedAt")
                .lt(clock.instant().minus(properties.retention()))
                .and("anonymised").is(false));
    }
}
