package dev.courseline.catalogue.course;

import dev.courseline.catalogue.common.VersionRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ProblemDetail;
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
    @Operation(operationId = "getCourseForStaff", summary = "Any course with its current version")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "401", description = "Missing or invalid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks the role CATALOGUE_MANAGER or ADMIN", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Not found", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{slug}")
    public Mono<CourseView> one(@PathVariable String slug) {
        return courses.course(slug).map(CourseView::of);
    }

    /** Creates a draft; publishing it is a separate action. */
    @Operation(operationId = "createCourse", summary = "Create a draft course")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Missing or invalid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks the role CATALOGUE_MANAGER or ADMIN", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Stale version, or an action the current status does not allow", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    public Mono<ResponseEntity<CourseView>> create(@Valid @RequestBody CourseRequest request) {
        request.requireSlug();
        return courses.create(request.slug(), request.content())
                .map(created -> ResponseEntity.created(URI.create("/api/admin/courses/" + created.slug())).body(created));
    }

    @Operation(operationId = "editCourse", summary = "Edit a course (publishes course-updated unless a draft)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Missing or invalid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks the role CATALOGUE_MANAGER or ADMIN", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Not found", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Stale version, or an action the current status does not allow", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PutMapping("/{slug}")
    public Mono<CourseView> edit(@PathVariable String slug, @Valid @RequestBody CourseRequest request) {
        request.requireVersion();
        return courses.edit(slug, request.version(), request.content());
    }

    @Operation(operationId = "publishCourse", summary = "Publish a draft or withdrawn course")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Missing or invalid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks the role CATALOGUE_MANAGER or ADMIN", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Not found", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Stale version, or an action the current status does not allow", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{slug}/publish")
    public Mono<CourseView> publish(@PathVariable String slug, @Valid @RequestBody VersionRequest request) {
        return courses.publish(slug, request.version());
    }

    @Operation(operationId = "withdrawCourse", summary = "Withdraw a published course")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Missing or invalid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks the role CATALOGUE_MANAGER or ADMIN", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Not found", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Stale version, or an action the current status does not allow", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{slug}/withdraw")
    public Mono<CourseView> withdraw(@PathVariable String slug, @Valid @RequestBody VersionRequest request) {
        return courses.withdraw(slug, request.version());
    }
}
