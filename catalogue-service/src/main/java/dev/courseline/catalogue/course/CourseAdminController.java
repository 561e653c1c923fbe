package dev.courseline.catalogue.course;

import dev.courseline.catalogue.common.VersionRequest;
import jakarta.validation.Valid;
import java.net.URI;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Catalogue managers' course actions (role CATALOGUE_MANAGER or ADMIN, see the security config). */
@RestController
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/admin/courses")
public class CourseAdminController {

    private final CourseService courses;

    public CourseAdminController(CourseService courses) {
        this.courses = courses;
    }

    /** Any course, drafts and withdrawn ones included, with the version an edit must be based on. */
    @GetMapping("/{slug}")
    public Mono<CourseView> one(@PathVariable String slug) {
        return courses.course(slug).map(CourseView::of);
    }

    /** Creates a draft; publishing it is a separate action. */
    @PostMapping
    public Mono<ResponseEntity<CourseView>> create(@Valid @RequestBody CourseRequest request) {
        request.requireSlug();
        return courses.create(request.slug(), request.content())
                .map(created -> ResponseEntity.created(URI.create("/api/admin/courses/" + created.slug())).body(created));
    }

    @PutMapping("/{slug}")
    public Mono<CourseView> edit(@PathVariable String slug, @Valid @RequestBody CourseRequest request) {
        request.requireVersion();
        return courses.edit(slug, request.version(), request.content());
    }

    @PostMapping("/{slug}/publish")
    public Mono<CourseView> publish(@PathVariable String slug, @Valid @RequestBody VersionRequest request) {
        return courses.publish(slug, request.version());
    }

    @PostMapping("/{slug}/withdraw")
    public Mono<CourseView> withdraw(@PathVariable String slug, @Valid @RequestBody VersionRequest request) {
        return courses.withdraw(slug, request.version());
    }
}
