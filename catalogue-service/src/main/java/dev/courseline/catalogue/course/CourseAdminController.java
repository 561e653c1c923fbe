package dev.courseline.catalogue.course;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.common.VersionRequest;

/** Catalogue managers' course actions (role CATALOGUE_MANAGER or ADMIN, see the security config). */
@RestController
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/admin/courses")
public class CourseAdminController {

    private final CourseService courses;

    public CourseAdminController(CourseService courses) {
        this.courses = courses;
    }

    /** Every course in any state, by title: what the catalogue manager's course list shows. */
    @Operation(operationId = "listCoursesForStaff", summary = "Every course, drafts and withdrawn ones included")
    @GetMapping
    public Mono<List<CourseView>> all() {
        return courses.all().map(CourseView::of)
                .sort(Comparator.comparing(CourseView::title, String.CASE_INSENSITIVE_ORDER))
                .collectList();
    }

    /** Any course, drafts and withdrawn ones included, with the version an edit must be based on. */
    @Operation(operationId = "getCourseForStaff", summary = "Any course with its current version")
    @GetMapping("/{slug}")
    public Mono<CourseView> one(@PathVariable String slug) {
        return courses.course(slug).map(CourseView::of);
    }

    /** Creates a draft; publishing it is a separate action. */
    @Operation(operationId = "createCourse", summary = "Create a draft course")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "A course with this slug already exists")
    @PostMapping
    public Mono<ResponseEntity<CourseView>> create(@Valid @RequestBody CourseRequest request) {
        request.requireSlug();
        return courses.create(request.slug(), request.content())
                .map(created -> ResponseEntity.created(URI.create("/api/admin/courses/" + created.slug()))
                        .body(created));
    }

    @Operation(operationId = "editCourse", summary = "Edit a course (publishes course-updated unless a draft)")
    @PutMapping("/{slug}")
    public Mono<CourseView> edit(@PathVariable String slug, @Valid @RequestBody CourseRequest request) {
        request.requireVersion();
        return courses.edit(slug, request.version(), request.content());
    }

    @Operation(operationId = "publishCourse", summary = "Publish a draft or withdrawn course")
    @PostMapping("/{slug}/publish")
    public Mono<CourseView> publish(@PathVariable String slug, @Valid @RequestBody VersionRequest request) {
        return courses.publish(slug, request.version());
    }

    @Operation(operationId = "withdrawCourse", summary = "Withdraw a published course")
    @PostMapping("/{slug}/withdraw")
    public Mono<CourseView> withdraw(@PathVariable String slug, @Valid @RequestBody VersionRequest request) {
        return courses.withdraw(slug, request.version());
    }
}
