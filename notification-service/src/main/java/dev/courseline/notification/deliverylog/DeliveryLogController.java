package dev.courseline.notification.deliverylog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import dev.courseline.notification.dispatch.Dispatcher;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.notification.NotificationStore;
import dev.courseline.notification.web.FieldProblem;
import dev.courseline.notification.web.InvalidRequestException;

/** The delivery log for sales staff and admins: what was sent, what failed and why, and a retry for failures. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Delivery log", description = "The emails the system sent or tries to send (roles SALES or ADMIN)")
class DeliveryLogController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_ABOUT_IDS = 10;
    private static final int MAX_ID_LENGTH = 100;

    private final NotificationStore store;
    private final Dispatcher dispatcher;
    private final Clock clock;

    DeliveryLogController(NotificationStore store, Dispatcher dispatcher, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Lists notifications, newest first, optionally only those with one status or about one "
            + "lead, enquiry or enrolment")
    Mono<NotificationPage> list(
            @Parameter(schema = @Schema(implementation = NotificationStatus.class)) @RequestParam(required = false) String status,
            @Parameter(description = "Only those about this id, repeatable (any of them): a lead id finds the lead "
                    + "email, the acknowledgement, reassignments and escalations of that lead; an enquiry id finds the "
                    + "same; an enrolment id that enrolment's emails") @RequestParam(required = false) List<String> aboutId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<FieldProblem> errors = new ArrayList<>();
        NotificationStatus wanted = parseStatus(status, errors);
        List<String> about = parseAboutIds(aboutId, errors);
        if (page < 0) {
            errors.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidRequestException(errors));
        }
        return Mono.zip(store.findPage(wanted, about, page, size).map(NotificationSummary::of).collectList(),
                store.count(wanted, about))
                .map(found -> new NotificationPage(found.getT1(), page, size, found.getT2()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notification with every delivery attempt and the last error")
    Mono<NotificationDetail> get(@PathVariable String id) {
        return store.findById(id).map(NotificationDetail::of).switchIfEmpty(notFound(id));
    }

    /** Sends a FAILED notification again, with a fresh attempt budget; 409 if it is not FAILED. */
    @PostMapping("/{id}/retry")
    @Operation(summary = "Sends a FAILED notification again (409 if it is not FAILED)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "202", description = "Accepted: PENDING again with a fresh attempt budget, queued for sending")
    @ApiResponse(responseCode = "409", description = "The notification is not FAILED")
    Mono<NotificationDetail> retry(@PathVariable String id) {
        return store.retryFailed(id, clock.instant())
                .doOnNext(retried -> dispatcher.submit(retried.id()))
                .map(NotificationDetail::of)
                .switchIfEmpty(Mono.defer(() -> store.findById(id)
                        .flatMap(existing -> Mono.<NotificationDetail>error(new ResponseStatusException(
                                HttpStatus.CONFLICT, "Only a FAILED notification can be retried; this one is "
                                        + existing.status() + ".")))
                        .switchIfEmpty(notFound(id))));
    }

    private static NotificationStatus parseStatus(String status, List<FieldProblem> errors) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return NotificationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem("status", "must be one of " + Arrays.stream(NotificationStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    /** Blank values are ignored; ids are matched exactly. */
    private static List<String> parseAboutIds(List<String> aboutIds, List<FieldProblem> errors) {
        if (aboutIds == null) {
            return List.of();
        }
        List<String> ids = aboutIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip)
                .distinct().toList();
        if (ids.size() > MAX_ABOUT_IDS || ids.stream().anyMatch(id -> id.length() > MAX_ID_LENGTH)) {
            errors.add(new FieldProblem("aboutId", "must be at most " + MAX_ABOUT_IDS + " ids of at most "
                    + MAX_ID_LENGTH + " characters each"));
            return List.of();
        }
        return ids;
    }

    private static <T> Mono<T> notFound(String id) {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No notification " + id + "."));
    }
}
