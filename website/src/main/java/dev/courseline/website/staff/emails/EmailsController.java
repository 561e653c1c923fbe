package dev.courseline.website.staff.emails;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.staff.StaffApi;

/** The delivery log: every email the system sent or is trying to send, and a retry for those that failed. */
@Controller
class EmailsController {

    private static final int PAGE_SIZE = 25;

    private final StaffApi api;

    EmailsController(StaffApi api) {
        this.api = api;
    }

    @GetMapping("/staff/emails")
    Mono<Rendering> log(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String retried, @RequestParam(required = false) String refused) {
        int current = Math.max(page, 0);
        return api.notifications(uri -> {
            uri.path("/api/notifications").queryParam("page", current).queryParam("size", PAGE_SIZE);
            if (status != null && !status.isBlank()) {
                uri.queryParam("status", "{status}");
            }
            return uri.build(Map.of("status", status == null ? "" : status.strip()));
        }).map(found -> Rendering.view("staff/emails").modelAttribute("page", found)
                .modelAttribute("status", status == null ? "" : status).modelAttribute("current", current)
                .modelAttribute("retried", retried == null ? "" : retried)
                .modelAttribute("refused", refused == null ? "" : refused).build());
    }

    @PostMapping("/staff/emails/{id}/retry")
    Mono<Rendering> retry(@PathVariable String id) {
        return api.retryNotification(id)
                .map(retried -> Rendering.redirectTo("/staff/emails?retried=" + id).build())
                .onErrorResume(ApiException.Conflict.class,
                        e -> Mono.just(Rendering.redirectTo("/staff/emails?refused=" + id).build()));
    }
}
