package dev.courseline.website.staff.quarantine;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.staff.StaffApi;

/**
 * Suspect quote and membership requests, held back from sales until a person looks: released, the lead and its
 * emails go out as for any request; discarded, nothing ever does.
 */
@Controller
class QuarantineController {

    private final StaffApi staff;

    QuarantineController(StaffApi staff) {
        this.staff = staff;
    }

    @GetMapping("/staff/quarantine")
    Mono<Rendering> list(@RequestParam(required = false) String done) {
        return page(done == null ? "" : done, "", HttpStatus.OK);
    }

    /** Discarding must be confirmed: a real person's request would never reach sales. */
    @PostMapping("/staff/quarantine/{id}/{decision:release|discard}")
    Mono<Rendering> decide(@PathVariable String id, @PathVariable String decision,
            @ModelAttribute DecisionForm form) {
        if ("discard".equals(decision) && form.confirm() == null) {
            return page("", "Tick the box to confirm the discard; the request will never reach sales.",
                    HttpStatus.BAD_REQUEST);
        }
        return staff.decide(id, decision)
                .map(decided -> Rendering.redirectTo("/staff/quarantine?done=" + decision).build())
                .onErrorResume(ApiException.Conflict.class, e -> page("", e.getMessage(), HttpStatus.CONFLICT))
                .onErrorResume(ApiException.NotFound.class, e -> page("", e.getMessage(), HttpStatus.NOT_FOUND));
    }

    private Mono<Rendering> page(String done, String refusal, HttpStatus status) {
        return staff.quarantine().map(suspects -> Rendering.view("staff/quarantine").status(status)
                .modelAttribute("suspects", suspects).modelAttribute("done", done)
                .modelAttribute("refusal", refusal).build());
    }

    record DecisionForm(String confirm) {
    }
}
