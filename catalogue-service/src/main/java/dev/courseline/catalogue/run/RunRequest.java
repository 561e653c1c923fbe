package dev.courseline.catalogue.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.common.MoneyRequest;
import dev.courseline.catalogue.web.FieldRules;

/** A new run as a catalogue manager plans it; it starts as a draft. */
public record RunRequest(
        @NotBlank @Size(max = 60) String courseSlug,
        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        @NotBlank @Size(max = 60) String timeZone,
        @NotNull DeliveryMode deliveryMode,
        @Valid VenueRequest venue,
        @NotNull @Min(1) @Max(500) Integer minCapacity,
        @NotNull @Min(1) @Max(500) Integer maxCapacity,
        @NotNull @Valid MoneyRequest price,
        @Valid EarlyBirdRequest earlyBird) {

    public record VenueRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String city,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    public record EarlyBirdRequest(@NotNull @Valid MoneyRequest price, @NotNull LocalDate deadline) {
    }

    /** The checked plan, or an {@code InvalidRequestException} naming every field that breaks a rule. */
    PlannedRun plan(Instant now) {
        FieldRules rules = new FieldRules();
        Schedule schedule = ScheduleRequest.check(start, end, timeZone, now, rules);
        rules.require(minCapacity <= maxCapacity, "minCapacity", "must not exceed maxCapacity");
        rules.require(deliveryMode == DeliveryMode.ONLINE || venue != null, "venue",
                "must be given for " + deliveryMode + " delivery");
        rules.require(deliveryMode != DeliveryMode.ONLINE || venue == null, "venue",
                "must be empty for ONLINE delivery");
        Money fullPrice = price.toMoney();
        EarlyBird offer = null;
        if (earlyBird != null) {
            offer = new EarlyBird(earlyBird.price().toMoney(), earlyBird.deadline());
            rules.require(offer.price().isLessThan(fullPrice), "earlyBird.price",
                    "must be lower than price, in the same currency");
            rules.require(schedule == null || offer.deadline().isBefore(schedule.start().toLocalDate()),
                    "earlyBird.deadline", "must be before the start date");
        }
        rules.throwIfAny();
        Venue place = venue == null ? null : new Venue(venue.name(), venue.city(), venue.country());
        return new PlannedRun(courseSlug, schedule, deliveryMode, place, minCapacity, maxCapacity, fullPrice, offer);
    }

    record PlannedRun(String courseSlug, Schedule schedule, DeliveryMode deliveryMode, Venue venue, int minCapacity,
            int maxCapacity, Money price, EarlyBird earlyBird) {
    }
}
