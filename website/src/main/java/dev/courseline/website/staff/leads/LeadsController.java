package dev.courseline.website.staff.leads;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.staff.Lead;
import dev.courseline.website.api.staff.NotificationPage;
import dev.courseline.website.api.staff.StaffApi;
import dev.courseline.website.staff.StaffMember;
import dev.courseline.website.web.FormErrors;

/**
 * The leads inbox (a salesperson's own team by default, any team on request) and a lead's page, where its status
 * moves on and it is handed to another team. The enquiry service decides which moves are allowed.
 */
@Controller
class LeadsController {

    private final StaffApi api;
    private final Clock clock;

    LeadsController(StaffApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/staff/leads")
    Mono<Rendering> inbox(@ModelAttribute LeadFilter filter, @AuthenticationPrincipal OidcUser user) {
        LeadFilter applied = filter.withDefaultTeam(StaffMember.of(user).team());
        return api.leads(applied::toQuery)
                .map(page -> Rendering.view("staff/leads").modelAttribute("filter", applied)
                        .modelAttribute("page", page).modelAttribute("rows", LeadRow.of(page.items(), clock))
                        .modelAttribute("errors", FormErrors.none()).build())
                .onErrorResume(ApiException.InvalidInput.class, e -> Mono.just(Rendering.view("staff/leads")
                        .status(HttpStatus.BAD_REQUEST).modelAttribute("filter", applied)
                        .modelAttribute("page", null).modelAttribute("rows", List.of())
                        .modelAttribute("errors", FormErrors.of(e.errors(), LeadFilter.FIELDS, LeadFilter.LABELS))
                        .build()));
    }

    @GetMapping("/staff/leads/{id}")
    Mono<Rendering> lead(@PathVariable String id, @ModelAttribute LeadNotice notice) {
        return page(id, FormErrors.none(), notice.changed(), HttpStatus.OK);
    }

    @PostMapping("/staff/leads/{id}/status")
    Mono<Rendering> changeStatus(@PathVariable String id, @ModelAttribute StatusForm form) {
        return api.changeStatus(id, form.status(), form.note(), form.version())
                .map(lead -> Rendering.redirectTo("/staff/leads/" + id + "?changed=status").build())
                .onErrorResume(ApiException.InvalidInput.class,
                        e -> page(id, FormErrors.of(e.errors(), StatusForm.FIELDS, StatusForm.LABELS), null,
                                HttpStatus.BAD_REQUEST))
                .onErrorResume(ApiException.Conflict.class, e -> page(id,
                        FormErrors.single("status", "Status", e.getMessage()), null, HttpStatus.CONFLICT))
                .onErrorResume(ApiException.Stale.class, e -> changedMeanwhile(id));
    }

    @PostMapping("/staff/leads/{id}/assignment")
    Mono<Rendering> reassign(@PathVariable String id, @ModelAttribute AssignmentForm form) {
        return api.reassign(id, form.team(), form.reason(), form.version())
                .map(lead -> Rendering.redirectTo("/staff/leads/" + id + "?changed=team").build())
                .onErrorResume(ApiException.InvalidInput.class,
                        e -> page(id, FormErrors.of(e.errors(), AssignmentForm.FIELDS, AssignmentForm.LABELS), null,
                                HttpStatus.BAD_REQUEST))
                .onErrorResume(ApiException.Conflict.class, e -> page(id,
                        FormErrors.single("team", "Team", e.getMessage()), null, HttpStatus.CONFLICT))
                .onErrorResume(ApiException.Stale.class, e -> changedMeanwhile(id));
    }

    /** The page as the lead is now, saying that the change was not made because someone else changed it first. */
    private Mono<Rendering> changedMeanwhile(String id) {
        return page(id, FormErrors.none(), "elsewhere", HttpStatus.CONFLICT);
    }

    private Mono<Rendering> page(String id, FormErrors errors, String changed, HttpStatus status) {
        return api.lead(id).flatMap(versioned -> emails(versioned.body()).map(emails -> Rendering.view("staff/lead")
                .status(status)
                .modelAttribute("lead", versioned.body())
                .modelAttribute("version", versioned.version() == null ? "" : versioned.version())
                .modelAttribute("row", LeadRow.of(versioned.body(), clock))
                .modelAttribute("nextSteps", LeadSteps.after(versioned.body().status()))
                .modelAttribute("emails", emails)
                .modelAttribute("errors", errors)
                .modelAttribute("changed", changed == null ? "" : changed)
                .build()));
    }

    /** The delivery log's emails about this lead; the page still shows the lead when that log cannot answer. */
    private Mono<NotificationPage> emails(Lead lead) {
        return api.notifications(uri -> uri.path("/api/notifications").queryParam("aboutId", lead.leadId())
                .queryParam("size", 50).build())
                .onErrorResume(ApiException.class, e -> Mono.just(new NotificationPage(List.of(), 0, 0, -1)));
    }

    record LeadNotice(String changed) {
    }
}
