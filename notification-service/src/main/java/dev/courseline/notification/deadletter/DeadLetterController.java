package dev.courseline.notification.deadletter;

import java.security.Principal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import dev.courseline.notification.events.Topics;
import dev.courseline.notification.web.FieldProblem;
import dev.courseline.notification.web.InvalidRequestException;

/** Admins' view of the records this service's consumer could not process, and their replay (role ADMIN). */
@RestController
@RequestMapping("/api/dead-letters")
@Tag(name = "Dead letters", description = "Records the consumer could never process, and their replay (role ADMIN)")
class DeadLetterController {

    private static final Pattern ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");
    private static final int MAX_LIMIT = 500;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "The newest dead letters of " + Topics.ENQUIRIES_DLQ + ", newest first")
    Mono<List<DeadLetter>> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(new InvalidRequestException(
                    List.of(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT))));
        }
        return deadLetters.list(Topics.ENQUIRIES_DLQ, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter")
    Mono<DeadLetter> get(@PathVariable String id) {
        Matcher parts = parse(id);
        return deadLetters.find(Topics.ENQUIRIES_DLQ, Integer.parseInt(parts.group(1)), Long.parseLong(parts.group(2)))
                .switchIfEmpty(notFound(id));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Publishes the dead letter again to the topic it came from, once (409 if replayed before)")
    @ApiResponse(responseCode = "200", description = "Replayed: the consumer processes it again")
    @ApiResponse(responseCode = "409", description = "It was replayed before")
    Mono<DeadLetter> replay(@PathVariable String id, Principal staff) {
        Matcher parts = parse(id);
        return deadLetters.replay(Topics.ENQUIRIES_DLQ, Integer.parseInt(parts.group(1)),
                Long.parseLong(parts.group(2)), staff == null ? null : staff.getName())
                .onErrorMap(DeadLetters.AlreadyReplayedException.class,
                        e -> new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage()))
                .switchIfEmpty(notFound(id));
    }

    private static Matcher parse(String id) {
        Matcher parts = ID.matcher(id);
        if (!parts.matches()) {
            throw new InvalidRequestException(
                    List.of(new FieldProblem("id", "must be <partition>-<offset>, as listed")));
        }
        return parts;
    }

    private static <T> Mono<T> notFound(String id) {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No dead letter " + id + "."));
    }
}
