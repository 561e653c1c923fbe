package dev.courseline.catalogue.course;

import java.time.Instant;
import java.util.List;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;

/**
 * A course as the catalogue publishes it: the API's response and, deliberately the same shape, the payload of the
 * course events (see {@code contracts/events/courseline.catalogue.course-*.v1.json}).
 */
public record CourseView(String slug, String title, CourseKind kind, TargetRole role, String summary,
        List<String> outcomes, Certification certification, int durationDays,
        List<DeliveryMode> deliveryModes, Money listPrice, CourseStatus status, long version,
        Instant updatedAt) {

    public static CourseView of(Course course) {
        return new CourseView(course.slug(), course.title(), course.kind(), course.role(), course.summary(),
                List.copyOf(course.outcomes()), course.certification(), course.durationDays(),
                List.copyOf(course.deliveryModes()), course.listPrice(), course.status(), course.version(),
                course.updatedAt());
    }
}
