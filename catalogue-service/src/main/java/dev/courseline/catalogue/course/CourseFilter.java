package dev.courseline.catalogue.course;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Paging;

/** Query parameters of {@code GET /api/courses}; all optional. */
public record CourseFilter(TargetRole role, DeliveryMode deliveryMode, @Min(0) Integer page,
        @Min(1) @Max(Paging.MAX_SIZE) Integer size) {
}
