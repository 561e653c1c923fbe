package dev.courseline.website.staff.catalogue;

import java.time.Clock;
import java.util.List;

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
import dev.courseline.website.api.EnquiryApi;
import dev.courseline.website.api.staff.RunRoster;
import dev.courseline.website.api.staff.StaffApi;
import dev.courseline.website.course.RunCard;
import dev.courseline.website.web.FormErrors;

/**
 * One run for the catalogue manager: its details, who is enrolled and waiting (read only), and new dates, which
 * must be confirmed because its learners are emailed them.
 */
@Controller
class RunController {

    private final StaffApi staff;
    private final EnquiryApi enquiries;
    private final Clock clock;

    RunController(StaffApi staff, EnquiryApi enquiries, Clock clock) {
        this.staff = staff;
        this.enquiries = enquiries;
        this.clock = clock;
    }

    @GetMapping("/staff/catalogue/runs/{id}")
    Mono<Rendering> run(@PathVariable String id, @RequestParam(required = false) String done) {
        return page(id, null, FormErrors.none(), done, HttpStatus.OK);
    }

    @PostMapping("/staff/catalogue/runs/{id}/dates")
    Mono<Rendering> reschedule(@PathVariable String id, @ModelAttribute RescheduleForm form) {
        if (form.confirm() == null) {
            return page(id, form, FormErrors.single(null, "",
                    "Tick the box to confirm the new dates; the run's learners are emailed them."), null,
                    HttpStatus.BAD_REQUEST);
        }
        return staff.reschedule(id, form.toRequest())
                .map(changed -> Rendering.redirectTo("/staff/catalogue/runs/" + id + "?done=rescheduled").build())
                .onErrorResume(ApiException.InvalidInput.class, e -> page(id, form, e.errors().isEmpty()
                        ? FormErrors.single(null, "", e.getMessage())
                        : FormErrors.of(e.errors(), RescheduleForm.FIELDS, RescheduleForm.LABELS), null,
                        HttpStatus.BAD_REQUEST))
                .onErrorResume(ApiException.Conflict.class,
                        e -> page(id, null, FormErrors.single(null, "", e.getMessage()), null, HttpStatus.CONFLICT));
    }

    private Mono<Rendering> page(String id, RescheduleForm typed, FormErrors errors, String done, HttpStatus status) {
        return staff.adminRun(id).flatMap(run -> Mono.zip(
                enquiries.seats(id).map(seats -> RunCard.of(run, seats, clock))
                        .onErrorResume(ApiException.class, e -> Mono.just(RunCard.of(run, null, clock))),
                staff.roster(id).onErrorResume(ApiException.class, e -> Mono.just(unknownRoster(id))))
                .map(cardAndRoster -> Rendering.view("staff/run").status(status)
                        .modelAttribute("run", cardAndRoster.getT1())
                        .modelAttribute("roster", cardAndRoster.getT2())
                        .modelAttribute("form", typed != null ? typed : RescheduleForm.of(run))
                        .modelAttribute("errors", errors)
                        .modelAttribute("done", done == null ? "" : done)
                        .modelAttribute("zones", CatalogueController.ZONES)
                        .build()));
    }

    /** Enrolment has not heard of the run yet (or cannot answer): the page says so instead of listing no one. */
    private static RunRoster unknownRoster(String id) {
        return new RunRoster(id, null, -1, -1, List.of(), List.of(), 0);
    }
}
