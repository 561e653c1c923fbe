package dev.courseline.catalogue.run;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.common.VersionRequest;

/**
 * Catalogue managers' run actions (role CATALOGUE_MANAGER or ADMIN). Every action names the version it is based on;
 * a stale one answers 409, as does an action the run's status does not allow.
 */
@RestController
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/admin/runs")
public class RunAdminController {

    private final RunService runs;

    public RunAdminController(RunService runs) {
        this.runs = runs;
    }

    /** Any run, drafts included, with the version an action must be based on. */
    @Operation(operationId = "getRunForStaff", summary = "Any run with its current version")
    @GetMapping("/{id}")
    public Mono<RunView> one(@PathVariable String id) {
        return runs.run(id).map(RunView::of);
    }

    /** Plans a draft run; it becomes public with {@code schedule}. */
    @Operation(operationId = "createRun", summary = "Plan a draft run of a published public course")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    public Mono<ResponseEntity<RunView>> create(@Valid @RequestBody RunRequest request) {
        return Mono.defer(() -> runs.create(request))
                .map(created -> ResponseEntity.created(URI.create("/api/admin/runs/" + created.id())).body(created));
    }

    @Operation(operationId = "scheduleRun", summary = "Schedule a draft run (makes it public)")
    @PostMapping("/{id}/schedule")
    public Mono<RunView> schedule(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return runs.schedule(id, request.version());
    }

    @Operation(operationId = "rescheduleRun", summary = "Move an open run to new dates")
    @PutMapping("/{id}/dates")
    public Mono<RunView> reschedule(@PathVariable String id, @Valid @RequestBody RescheduleRequest request) {
        return Mono.defer(() -> runs.reschedule(id, request));
    }

    @Operation(operationId = "changeRunCapacity", summary = "Change the seat limits of an open run")
    @PutMapping("/{id}/capacity")
    public Mono<RunView> changeCapacity(@PathVariable String id, @Valid @RequestBody CapacityRequest request) {
        return Mono.defer(() -> runs.changeCapacity(id, request));
    }

    @Operation(operationId = "confirmRun", summary = "Confirm a scheduled run")
    @PostMapping("/{id}/confirm")
    public Mono<RunView> confirm(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return runs.confirm(id, request.version());
    }

    @Operation(operationId = "completeRun", summary = "Complete a confirmed run")
    @PostMapping("/{id}/complete")
    public Mono<RunView> complete(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return runs.complete(id, request.version());
    }

    @Operation(operationId = "cancelRun", summary = "Cancel an open run")
    @PostMapping("/{id}/cancel")
    public Mono<RunView> cancel(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        return runs.cancel(id, request.version());
    }
}
