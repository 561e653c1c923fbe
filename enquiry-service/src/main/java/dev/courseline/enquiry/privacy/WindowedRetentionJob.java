package dev.courseline.enquiry.privacy;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.enrolment.Seats;

/**
 * Retention for what {@link RetentionJob} (closed leads) never reaches: duplicate enquiries, enquiries whose lead
 * stays open, and enrolments once their run is over, each after its own period ({@link RetentionWindows}). Each
 * is anonymised as an erasure would, unsent events included.
 */
@Component
public class WindowedRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(WindowedRetentionJob.class);

    private final Anonymiser anonymiser;
    private final Seats seats;
    private final RetentionWindows windows;
    private final Clock clock;

    public WindowedRetentionJob(Anonymiser anonymiser, Seats seats, RetentionWindows windows, Clock clock) {
        this.anonymiser = anonymiser;
        this.seats = seats;
        this.windows = windows;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${enquiry.privacy.retention-check-interval}")
    public void applyRetention() {
        Counts counts = apply(clock.instant()).block();
        if (counts != null && counts.any()) {
            log.info("Retention anonymised {} duplicate, {} open enquiry(ies) and {} enrolment(s)", counts.duplicates(),
                    counts.open(), counts.enrolments());
        }
    }

    /** Anonymises everything past its window at {@code now}. */
    public Mono<Counts> apply(Instant now) {
        Criteria duplicates = kept().and("duplicateOf").ne(null).and("receivedAt").lt(now.minus(windows.duplicates()));
        Criteria open = kept().and("lead.closedAt").is(null).and("receivedAt").lt(now.minus(windows.open()));
        return anonymiser.anonymiseEnquiries(duplicates)
                .zipWith(anonymiser.anonymiseEnquiries(open))
                .zipWith(seats.anonymiseRunsEndedBefore(now.minus(windows.enrolments())),
                        (enquiries, enrolments) -> new Counts(enquiries.getT1(), enquiries.getT2(), enrolments));
    }

    private static Criteria kept() {
        return Criteria.where("anonymised").is(false);
    }

    public record Counts(int duplicates, int open, int enrolments) {
        boolean any() {
            return duplicates + open + enrolments > 0;
        }
    }
}
