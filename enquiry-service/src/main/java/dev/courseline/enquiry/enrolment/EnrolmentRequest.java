package dev.courseline.enquiry.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.intake.ConsentForm;
import dev.courseline.enquiry.web.SingleLine;

/** A learner's enrolment on a scheduled run. */
public record EnrolmentRequest(
        @NotBlank @Size(max = 100) @SingleLine String runId,
        @NotNull @Valid LearnerForm learner,
        @Size(max = 200) @SingleLine String organisation,
        @Size(max = 100) @SingleLine String purchaseOrder,
        @NotNull @Valid ConsentForm consent) {

    public record LearnerForm(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank @Size(max = 254) @Email @SingleLine String email) {
    }
}
