package dev.courseline.catalogue.course;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.common.PageView;
import dev.courseline.catalogue.common.Paging;
import dev.courseline.catalogue.web.HttpCaching;

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
    @GetMapping
    public Mono<ResponseEntity<PageView<CourseView>>> list(@Valid @ParameterObject @ModelAttribute CourseFilter filter,
            ServerHttpRequest request) {
        return courses.publishedCourses(filter.role(), filter.deliveryMode(), Paging.page(filter.page()),
                Paging.size(filter.size()))
                .map(page -> caching.cacheable(page, request.getHeaders()));
    }

    @Operation(operationId = "getCourse", summary = "One published course")
    @GetMapping("/{slug}")
    public Mono<ResponseEntity<CourseView>> one(@PathVariable String slug, ServerHttpRequest request) {
        return courses.publishedCourse(slug).map(course -> caching.cacheable(course, request.getHeaders()));
    }
}
