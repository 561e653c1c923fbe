package dev.courseline.catalogue.run;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.courseline.catalogue.web.FieldRules;

/** New dates for a run, based on the version the caller last saw. */
public record RescheduleRequest(@NotNull LocalDateTime start, @NotNull LocalDateTime end,
        @NotBlank @Size(max = 60) String timeZone, @NotNull @Min(1) Long version) {

    Schedule schedule(Instant now) {
        FieldRules rules = new FieldRules();
        Schedule schedule = ScheduleRequest.check(start, end, timeZone, now, rules);
        rules.throwIfAny();
        return schedule;
    }
}
