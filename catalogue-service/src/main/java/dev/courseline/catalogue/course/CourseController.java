package dev.courseline.catalogue.course;

import dev.courseline.catalogue.common.PageView;
import dev.courseline.catalogue.common.Paging;
import dev.courseline.catalogue.web.HttpCaching;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public course catalogue: published courses only. */
@RestController
@RequestMapping("/api/courses")
public class CourseController {

    private final CourseService courses;
    private final HttpCaching caching;

    public CourseController(CourseService courses, HttpCaching caching) {
        this.courses = courses;
        this.caching = caching;
    }

    @Operation(operationId = "listCourses", summary = "Published courses, filtered and paged")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match matched the current ETag", content = @Content)
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping
    public Mono<ResponseEntity<PageView<CourseView>>> list(@Valid @ParameterObject @ModelAttribute CourseFilter filter,
                                                           ServerHttpRequest request) {
        return courses.publishedCourses(filter.role(), filter.deliveryMode(), Paging.page(filter.page()),
                        Paging.size(filter.size()))
                .map(page -> caching.cacheable(page, request.getHeaders()));
    }

    @Operation(operationId = "getCourse", summary = "One published course")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match matched the current ETag", content = @Content)
    @ApiResponse(responseCode = "404", description = "Not found", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{slug}")
    public Mono<ResponseEntity<CourseView>> one(@PathVariable String slug, ServerHttpRequest request) {
        return courses.publishedCourse(slug).map(course -> caching.cacheable(course, request.getHeaders()));
    }
}
