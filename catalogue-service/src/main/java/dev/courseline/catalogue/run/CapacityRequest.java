package dev.courseline.catalogue.run;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.courseline.catalogue.web.FieldRules;

/** New seat limits for a run, based on the version the caller last saw. */
public record CapacityRequest(@NotNull @Min(1) @Max(500) Integer minCapacity,
        @NotNull @Min(1) @Max(500) Integer maxCapacity,
        @NotNull @Min(1) Long version) {

    void check() {
        new FieldRules().require(minCapacity <= maxCapacity, "minCapacity", "must not exceed maxCapacity").throwIfAny();
    }
}
