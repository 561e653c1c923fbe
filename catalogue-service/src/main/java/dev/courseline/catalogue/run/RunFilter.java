package dev.courseline.catalogue.run;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Paging;
import dev.courseline.catalogue.course.TargetRole;
import dev.courseline.catalogue.web.FieldRules;

/**
 * Query parameters of {@code GET /api/runs}; all optional. {@code from} and {@code to} are inclusive dates compared
 * with the run's start date in UTC.
 */
public record RunFilter(@Size(max = 60) String course, TargetRole role, DeliveryMode deliveryMode, RunStatus status,
        LocalDate from, LocalDate to, @Min(0) Integer page,
        @Min(1) @Max(Paging.MAX_SIZE) Integer size) {

    void check() {
        new FieldRules().require(from == null || to == null || !to.isBefore(from), "to", "must not be before from")
                .throwIfAny();
    }
}
