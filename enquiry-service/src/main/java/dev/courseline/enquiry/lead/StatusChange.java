package dev.courseline.enquiry.lead;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.web.SingleLine;

/** Moves a lead on: {@code NEW -> CONTACTED -> QUOTED -> WON | LOST}. */
public record StatusChange(@NotNull LeadStatus status, @Size(max = 500) @SingleLine String note) {
}
