package dev.courseline.enquiry.privacy;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.store.NextScan;
import reactor.core.publisher.Mono;

/**
 * Anonymises the enquiries of leads closed (won or lost) longer ago than the retention period. A scheduled job,
 * because the embedded store has no TTL indexes (and a TTL would delete, not anonymise). The scheduled check scans
 * only once a closed lead can have outlived the period: one closed from now on cannot before the period is over.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final String CLOSED_AT = "lead.closedAt";

    private final Anonymiser anonymiser;
    private final ReactiveMongoTemplate mongo;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final NextScan nextScan;

    public RetentionJob(Anonymiser anonymiser, ReactiveMongoTemplate mongo, PrivacyProperties properties,
            Clock clock) {
        this.anonymiser = anonymiser;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.nextScan = new NextScan(properties.retention());
    }

    @Scheduled(fixedDelayString = "${enquiry.privacy.retention-check-interval}")
    public void applyRetention() {
        Instant now = clock.instant();
        if (!nextScan.isDue(now)) {
            return;
        }
        Integer anonymised = anonymiseExpired(now).block();
        nextScan.scanned(now, nextExpiry(now).block());
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

    /** When the earliest closed lead still kept outlives the retention period, if there is one. */
    private Mono<Instant> nextExpiry(Instant now) {
        Query earliest = Query.query(kept().and(CLOSED_AT).gte(cutOff(now))).with(Sort.by(CLOSED_AT)).limit(1);
        return mongo.findOne(earliest, Enquiry.class)
                .map(enquiry -> enquiry.lead().closedAt().plus(properties.retention()));
    }

    private Instant cutOff(Instant now) {
        return now.minus(properties.retention());
    }

    private static Criteria kept() {
        return Criteria.where("anonymised").is(false);
    }
}
