package dev.courseline.catalogue.republish;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.course.CourseService;
import dev.courseline.catalogue.run.RunService;

/**
 * Publishes the current state of every public course and run again, e.g. for a new consumer or after a topic was
 * lost. Each is queued as a pending event like any change, so the same relay delivers them.
 */
@RestController
@SecurityRequirement(name = "bearer")
public class RepublishController {

    private final CourseService courses;
    private final RunService runs;

    public RepublishController(CourseService courses, RunService runs) {
        this.courses = courses;
        this.runs = runs;
    }

    @Operation(operationId = "republishCatalogue", summary = "Publish the current state of every public course and run again")
    @PostMapping("/api/admin/republish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<RepublishResult> republish() {
        return courses.republishAll().zipWith(runs.republishAll())
                .map(counts -> new RepublishResult(counts.getT1(), counts.getT2()));
    }

    /** How many courses and runs were queued for publishing. */
    public record RepublishResult(long courses, long runs) {
    }
}
