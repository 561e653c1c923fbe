package dev.courseline.catalogue.run;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.common.PageView;
import dev.courseline.catalogue.web.HttpCaching;

/** The public run schedule: every run that is not a draft, soonest first. Seats are the enquiry side's business. */
@RestController
@RequestMapping("/api/runs")
public class RunController {

    private final RunService runs;
    private final HttpCaching caching;

    public RunController(RunService runs, HttpCaching caching) {
        this.runs = runs;
        this.caching = caching;
    }

    @Operation(operationId = "listRuns", summary = "Public runs, soonest first, filtered and paged")
    @GetMapping
    public Mono<ResponseEntity<PageView<RunView>>> list(@Valid @ParameterObject @ModelAttribute RunFilter filter,
            ServerHttpRequest request) {
        return Mono.defer(() -> runs.publicRuns(filter)).map(page -> caching.cacheable(page, request.getHeaders()));
    }

    @Operation(operationId = "getRun", summary = "One public run, its times in its own zone and in UTC")
    @GetMapping("/{id}")
    public Mono<ResponseEntity<RunView>> one(@PathVariable String id, ServerHttpRequest request) {
        return runs.publicRun(id).map(run -> caching.cacheable(run, request.getHeaders()));
    }
}
