package dev.courseline.enquiry.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.web.NotFoundException;

@RestController
public class SeatAvailabilityController {

    /** Course pages ask on every view; a count a few seconds old is as good to a reader deciding to enrol. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public SeatAvailabilityController(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping("/api/runs/{runId}/seats")
    @ApiResponse(responseCode = "200", description = "The run's seats left and waitlist length", headers = @Header(name = "Cache-Control", description = "public, max-age=5", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No run with this id is known to enrolment")
    public Mono<ResponseEntity<SeatAvailability>> seats(@PathVariable String runId) {
        // Reads the counts and each enrolment's status only: never the learners, their consent or pending events.
        Query query = Query.query(Criteria.where("_id").is(runId));
        query.fields().include("status", "maxCapacity", "seatsLeft", "run.startUtc", "enrolments.status");
        return mongo.findOne(query, Counts.class, RunSeats.COLLECTION)
                .map(counts -> ResponseEntity.ok().cacheControl(CACHE).body(counts.availability(clock.instant())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No run " + runId)));
    }

    /** The projection of a run's document that the counts need. */
    record Counts(@Id String id, String status, int maxCapacity, int seatsLeft, Start run,
            List<StatusOnly> enrolments) {

        SeatAvailability availability(Instant now) {
            int waitlisted = enrolments == null
                    ? 0
                    : (int) enrolments.stream().filter(e -> e.status() == EnrolmentStatus.WAITLISTED).count();
            return new SeatAvailability(id, maxCapacity, seatsLeft, waitlisted,
                    RunSeats.takesEnrolments(status, run == null ? null : run.startUtc(), now));
        }
    }

    record Start(Instant startUtc) {
    }

    record StatusOnly(EnrolmentStatus status) {
    }
}
