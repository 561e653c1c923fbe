package dev.courseline.website.staff.catalogue;

import java.util.Map;

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
import dev.courseline.website.api.staff.StaffCourse;
import dev.courseline.website.web.FormErrors;

/**
 * The catalogue manager's courses: every course in any state, a new draft, an edit based on the version shown, and
 * publishing or withdrawing it. The catalogue judges each change and refuses one based on an older version.
 */
@Controller
class CoursesController {

    private final StaffApi staff;

    CoursesController(StaffApi staff) {
        this.staff = staff;
    }

    @GetMapping("/staff/catalogue/courses")
    Mono<Rendering> courses(@RequestParam(required = false) String done) {
        return staff.courses().map(courses -> Rendering.view("staff/courses").modelAttribute("courses", courses)
                .modelAttribute("done", done == null ? "" : done).build());
    }

    @GetMapping("/staff/catalogue/courses/new")
    Mono<Rendering> blank() {
        return Mono.just(form(null, CourseForm.blank(), FormErrors.none(), "", HttpStatus.OK));
    }

    @PostMapping("/staff/catalogue/courses")
    Mono<Rendering> create(@ModelAttribute CourseForm form) {
        return staff.createCourse(form.toRequest(true))
                .map(created -> Rendering.redirectTo("/staff/catalogue/courses/" + created.slug() + "?done=created")
                        .build())
                .onErrorResume(ApiException.InvalidInput.class,
                        e -> Mono.just(form(null, form, invalid(e), "", HttpStatus.BAD_REQUEST)))
                .onErrorResume(ApiException.Conflict.class, e -> Mono.just(form(null, form,
                        FormErrors.single("slug", "Web address name", e.getMessage()), "", HttpStatus.CONFLICT)));
    }

    @GetMapping("/staff/catalogue/courses/{slug}")
    Mono<Rendering> course(@PathVariable String slug, @RequestParam(required = false) String done) {
        return staff.course(slug).map(course -> form(course, CourseForm.of(course), FormErrors.none(),
                done == null ? "" : done, HttpStatus.OK));
    }

    @PostMapping("/staff/catalogue/courses/{slug}")
    Mono<Rendering> edit(@PathVariable String slug, @ModelAttribute CourseForm form) {
        return staff.editCourse(slug, form.toRequest(false))
                .map(saved -> Rendering.redirectTo("/staff/catalogue/courses/" + slug + "?done=saved").build())
                .onErrorResume(ApiException.InvalidInput.class,
                        e -> staff.course(slug)
                                .map(course -> form(course, form, invalid(e), "", HttpStatus.BAD_REQUEST)))
                .onErrorResume(ApiException.Conflict.class, e -> changedMeanwhile(slug, e));
    }

    /** {@code publish} or {@code withdraw} (which must be confirmed), based on the version the page showed. */
    @PostMapping("/staff/catalogue/courses/{slug}/{action:publish|withdraw}")
    Mono<Rendering> action(@PathVariable String slug, @PathVariable String action, @ModelAttribute ActionForm form) {
        if ("withdraw".equals(action) && form.confirm() == null) {
            return staff.course(slug).map(course -> form(course, CourseForm.of(course), FormErrors.single(null, "",
                    "Tick the box to confirm the withdrawal: the course and its runs leave the public site."),
                    "", HttpStatus.BAD_REQUEST));
        }
        return staff.courseAction(slug, action, form.version())
                .map(changed -> Rendering.redirectTo("/staff/catalogue/courses/" + slug + "?done=" + action).build())
                .onErrorResume(ApiException.Conflict.class, e -> changedMeanwhile(slug, e));
    }

    /** The course as it is now, with the catalogue's reason, usually that someone else changed it first. */
    private Mono<Rendering> changedMeanwhile(String slug, ApiException refusal) {
        return staff.course(slug).map(course -> form(course, CourseForm.of(course),
                FormErrors.single(null, "", refusal.getMessage()), "", HttpStatus.CONFLICT));
    }

    private static FormErrors invalid(ApiException.InvalidInput e) {
        return e.errors().isEmpty()
                ? FormErrors.single(null, "", e.getMessage())
                : FormErrors.of(e.errors(), CourseForm.FIELDS, CourseForm.LABELS);
    }

    private static Rendering form(StaffCourse course, CourseForm form, FormErrors errors, String done,
            HttpStatus status) {
        return Rendering.view("staff/course").status(status)
                .modelAttribute("course", course == null ? Map.of() : course)
                .modelAttribute("isNew", course == null)
                .modelAttribute("form", form).modelAttribute("errors", errors).modelAttribute("done", done)
                .modelAttribute("kinds", CourseForm.KINDS).modelAttribute("roles", CourseForm.ROLES)
                .modelAttribute("modes", CourseForm.MODES).build();
    }

    record ActionForm(long version, String confirm) {
    }
}
