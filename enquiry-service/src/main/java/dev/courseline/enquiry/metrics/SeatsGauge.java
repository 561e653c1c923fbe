package dev.courseline.enquiry.metrics;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.enrolment.RunSeats;

/**
 * {@code courseline_seats_left} by run, for the runs that take enrolments now (scheduled or confirmed, not started):
 * a run that closes drops out, so the series stay as few as the runs on sale.
 */
@Component
class SeatsGauge implements StoreGauge {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final MultiGauge seatsLeft;

    SeatsGauge(MeterRegistry registry, ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.seatsLeft = MultiGauge.builder("courseline.seats.left")
                .description("Seats left on each run open for enrolment").register(registry);
    }

    @Override
    public Mono<Void> refresh() {
        Query open = Query.query(Criteria.where("status").in("SCHEDULED", "CONFIRMED")
                .and("run.startUtc").gt(Date.from(clock.instant())));
        open.fields().include("_id").include("seatsLeft");
        return mongo.find(open, Document.class, RunSeats.COLLECTION)
                .map(run -> MultiGauge.Row.of(Tags.of("run", String.valueOf(run.get("_id"))),
                        run.getInteger("seatsLeft", 0)))
                .collectList()
                .doOnNext(rows -> seatsLeft.register(List.copyOf(rows), true))
                .then();
    }
}
