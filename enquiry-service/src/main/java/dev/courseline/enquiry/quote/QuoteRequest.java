package dev.courseline.enquiry.quote;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.intake.ConsentForm;
import dev.courseline.enquiry.intake.ContactForm;
import dev.courseline.enquiry.web.MultiLine;
import dev.courseline.enquiry.web.SingleLine;

/** An organisation's request for a tailored in-house quote, as posted by the website form. */
public record QuoteRequest(
        @NotNull @Valid OrganisationForm organisation,
        @NotNull @Valid ContactForm contact,
        @NotBlank @Size(max = 80) @SingleLine String programme,
        @NotNull @Min(1) @Max(10_000) Integer teamSize,
        @NotBlank @Pattern(regexp = "ONLINE|ONSITE|BLENDED", message = "must be one of ONLINE, ONSITE, BLENDED") String deliveryMode,
        @Size(max = 200) @SingleLine String location,
        @Size(max = 200) @SingleLine String preferredDates,
        @Valid BudgetForm budget,
        @Size(max = 5000) @MultiLine String message,
        @NotNull @Valid ConsentForm consent) {

    public record OrganisationForm(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code, e.g. GB") String country) {
    }

    public record BudgetForm(
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. GBP") String currency) {
    }

    /** Onsite and blended training happen somewhere: say where. */
    @AssertTrue(message = "must be given for ONSITE and BLENDED delivery")
    boolean isLocation() {
        return !("ONSITE".equals(deliveryMode) || "BLENDED".equals(deliveryMode))
                || (location != null && !location.isBlank());
    }
}
