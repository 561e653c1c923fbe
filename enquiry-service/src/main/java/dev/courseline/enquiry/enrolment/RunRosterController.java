package dev.courseline.enquiry.enrolment;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.web.NotFoundException;

/** Staff API (CATALOGUE_MANAGER or ADMIN): a run's learners and waitlist, read only. */
@RestController
@SecurityRequirement(name = "bearer")
public class RunRosterController {

    private final ReactiveMongoTemplate mongo;

    public RunRosterController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/enrolments")
    @ApiResponse(responseCode = "200", description = "The run's confirmed learners and its waitlist in order")
    @ApiResponse(responseCode = "404", description = "No run with this id is known to enrolment")
    public Mono<RunRoster> roster(@RequestParam String runId) {
        return mongo.findById(runId, RunSeats.class)
                .map(RunRoster::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No run " + runId)));
    }
}
