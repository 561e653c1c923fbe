package dev.courseline.enquiry.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.web.SingleLine;

/** Hands a lead to another team, saying why. */
public record Reassignment(@NotBlank @Size(max = 60) @SingleLine String team,
        @NotBlank @Size(max = 300) @SingleLine String reason) {
}
