package dev.courseline.enquiry.membership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.intake.ConsentForm;
import dev.courseline.enquiry.intake.ContactForm;
import dev.courseline.enquiry.web.MultiLine;

/** A request to join the membership for continuing professional development. */
public record MembershipRequest(
        @NotNull @Valid ContactForm contact,
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 _-]*", message = "must be a plan name of letters, digits, spaces, - or _") String plan,
        @Size(max = 5000) @MultiLine String message,
        @NotNull @Valid ConsentForm consent) {
}
