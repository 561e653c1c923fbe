package dev.courseline.website.staff.deadletters;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.staff.DeadLetter;
import dev.courseline.website.api.staff.StaffApi;

/**
 * The records each consuming service could never process, with the reason, and their replay once the cause is
 * fixed (administrators only). A replayed record goes back to the topic it came from, once.
 */
@Controller
class DeadLettersController {

    /** The services that consume topics, and so keep dead letters. */
    private static final List<String> CONSUMERS = List.of("notification", "enquiry");

    private final StaffApi staff;

    DeadLettersController(StaffApi staff) {
        this.staff = staff;
    }

    /** One consumer's dead letters, or null when its service cannot be asked just now. */
    public record ConsumerDeadLetters(String service, List<DeadLetter> deadLetters) {
    }

    @GetMapping("/staff/dead-letters")
    Mono<Rendering> list(@RequestParam(required = false) String replayed) {
        return page(replayed == null ? "" : replayed, "", HttpStatus.OK);
    }

    @PostMapping("/staff/dead-letters/{service:notification|enquiry}/{id}/replay")
    Mono<Rendering> replay(@PathVariable String service, @PathVariable String id) {
        return staff.replay(service, id)
                .map(done -> Rendering.redirectTo("/staff/dead-letters?replayed=" + id).build())
                .onErrorResume(ApiException.Conflict.class, e -> page("", e.getMessage(), HttpStatus.CONFLICT))
                .onErrorResume(ApiException.NotFound.class, e -> page("", e.getMessage(), HttpStatus.NOT_FOUND));
    }

    private Mono<Rendering> page(String replayed, String refusal, HttpStatus status) {
        return Flux.fromIterable(CONSUMERS)
                .flatMapSequential(service -> staff.deadLetters(service)
                        .map(found -> new ConsumerDeadLetters(service, found))
                        .onErrorResume(ApiException.class, e -> Mono.just(new ConsumerDeadLetters(service, null))))
                .collectList()
                .map(consumers -> Rendering.view("staff/dead-letters").status(status)
                        .modelAttribute("consumers", consumers).modelAttribute("replayed", replayed)
                        .modelAttribute("refusal", refusal).build());
    }
}
