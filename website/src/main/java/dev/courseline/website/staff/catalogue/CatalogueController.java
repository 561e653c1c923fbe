package dev.courseline.website.staff.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.CatalogueApi;
import dev.courseline.website.api.EnquiryApi;
import dev.courseline.website.api.staff.StaffApi;
import dev.courseline.website.api.staff.StaffCourse;
import dev.courseline.website.course.RunCard;
import dev.courseline.website.web.FormErrors;

/**
 * The catalogue manager's page: the upcoming runs with their seats, a new run (created and scheduled in one go),
 * a change of capacity, and confirming or cancelling a run. The catalogue refuses what its rules do not allow.
 */
@Controller
class CatalogueController {

    /** The zones a run may be scheduled in: where the provider teaches. */
    static final List<String> ZONES = List.of("Europe/London", "Europe/Dublin", "Europe/Amsterdam", "Europe/Berlin",
            "Europe/Paris", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Singapore",
            "Australia/Sydney");

    private final CatalogueApi catalogue;
    private final EnquiryApi enquiries;
    private final StaffApi staff;
    private final Clock clock;

    CatalogueController(CatalogueApi catalogue, EnquiryApi enquiries, StaffApi staff, Clock clock) {
        this.catalogue = catalogue;
        this.enquiries = enquiries;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/staff/catalogue")
    Mono<Rendering> runs(@RequestParam(required = false) String done) {
        return page(RunForm.blank(), FormErrors.none(), FormErrors.none(), null, done, HttpStatus.OK);
    }

    @PostMapping("/staff/catalogue/runs")
    Mono<Rendering> schedule(@ModelAttribute RunForm form) {
        return staff.createRun(form.toRequest())
                .flatMap(draft -> staff.runAction(String.valueOf(draft.get("id")), "schedule",
                        ((Number) draft.get("version")).longValue()))
                .map(scheduled -> Rendering.redirectTo("/staff/catalogue?done=scheduled").build())
                .onErrorResume(ApiException.InvalidInput.class, e -> page(form,
                        FormErrors.of(e.errors(), RunForm.FIELDS, RunForm.LABELS), FormErrors.none(), null, null,
                        HttpStatus.BAD_REQUEST));
    }

    @PostMapping("/staff/catalogue/runs/{id}/capacity")
    Mono<Rendering> capacity(@PathVariable String id, @ModelAttribute CapacityForm form) {
        return staff.changeCapacity(id, RunForm.number(form.minCapacity()), RunForm.number(form.maxCapacity()),
                form.version())
                .map(changed -> Rendering.redirectTo("/staff/catalogue?done=capacity").build())
                .onErrorResume(ApiException.InvalidInput.class, e -> refused(id, e.errors().isEmpty()
                        ? e.getMessage()
                        : e.errors().get(0).field() + " " + e.errors().get(0).message()))
                .onErrorResume(ApiException.Conflict.class, e -> refused(id, e.getMessage()));
    }

    /** {@code confirm} or {@code cancel}, based on the version the page showed. */
    @PostMapping("/staff/catalogue/runs/{id}/{action:confirm|cancel}")
    Mono<Rendering> action(@PathVariable String id, @PathVariable String action, @ModelAttribute ActionForm form) {
        if ("cancel".equals(action) && form.confirm() == null) {
            return refused(id, "tick the box to confirm that the run is to be cancelled; its learners are emailed");
        }
        String back = "run".equals(form.from()) ? "/staff/catalogue/runs/" + id : "/staff/catalogue";
        return staff.runAction(id, action, form.version())
                .map(changed -> Rendering.redirectTo(back + "?done=" + action).build())
                .onErrorResume(ApiException.Conflict.class, e -> refused(id, e.getMessage()));
    }

    private Mono<Rendering> refused(String runId, String message) {
        return page(RunForm.blank(), FormErrors.none(), FormErrors.single(null, "", message), runId, null,
                HttpStatus.CONFLICT);
    }

    private Mono<Rendering> page(RunForm form, FormErrors formErrors, FormErrors runErrors, String failedRun,
            String done, HttpStatus status) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return catalogue.upcomingRunsNow(today)
                .flatMapMany(Flux::fromIterable)
                .flatMapSequential(run -> enquiries.seats(run.id()).map(seats -> RunCard.of(run, seats, clock))
                        .onErrorResume(ApiException.class, e -> Mono.empty())
                        .defaultIfEmpty(RunCard.of(run, null, clock)))
                .collectList()
                .zipWith(staff.courses().map(courses -> courses.stream().filter(StaffCourse::isPublished).toList()))
                .map(runsAndCourses -> Rendering.view("staff/catalogue").status(status)
                        .modelAttribute("runs", runsAndCourses.getT1()).modelAttribute("form", form)
                        .modelAttribute("errors", formErrors).modelAttribute("runErrors", runErrors)
                        .modelAttribute("failedRun", failedRun == null ? "" : failedRun)
                        .modelAttribute("done", done == null ? "" : done)
                        .modelAttribute("zones", ZONES)
                        .modelAttribute("courses", runsAndCourses.getT2())
                        .build());
    }

    record CapacityForm(String minCapacity, String maxCapacity, long version) {
    }

    /** {@code from} is {@code run} when sent from the run's own page, which the answer then returns to. */
    record ActionForm(long version, String confirm, String from) {
    }
}
