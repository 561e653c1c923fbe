package dev.courseline.enquiry.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;

import dev.courseline.enquiry.intake.ConsentForm;
import dev.courseline.enquiry.intake.ContactForm;
import dev.courseline.enquiry.web.FieldProblem;
import dev.courseline.enquiry.web.RequestValidator;

class QuoteRequestValidationTest {

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final RequestValidator validator = new RequestValidator(FACTORY.getValidator());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aCompleteRequestIsValid() {
        assertThat(validator.violations(request("Priya Shah", "ONSITE", "Leeds", "priya@example.com"))).isEmpty();
    }

    @Test
    void lineBreaksAndControlCharactersInOneLineFieldsAreNamed() {
        assertThat(fields(request("Priya\r\nShah", "ONLINE", null, "priya@example.com")))
                .containsExactly("contact.name");
        assertThat(fields(request("Priya\u0000", "ONLINE", null, "priya@example.com"))).containsExactly("contact.name");
        assertThat(fields(request("Priya\u2028Shah", "ONLINE", null, "priya@example.com")))
                .containsExactly("contact.name");
    }

    @Test
    void onsiteDeliveryNeedsALocationAndUnknownModesAreRefused() {
        assertThat(fields(request("Priya", "ONSITE", " ", "priya@example.com"))).containsExactly("location");
        assertThat(fields(request("Priya", "ONLINE", null, "priya@example.com"))).isEmpty();
        assertThat(fields(request("Priya", "onsite", "Leeds", "priya@example.com"))).containsExactly("deliveryMode");
    }

    @Test
    void aMissingBodyIsNamed() {
        assertThat(validator.violations(null)).extracting(FieldProblem::field).containsExactly("body");
    }

    private java.util.List<String> fields(QuoteRequest request) {
        return validator.violations(request).stream().map(FieldProblem::field).toList();
    }

    private static QuoteRequest request(String name, String mode, String location, String email) {
        return new QuoteRequest(new QuoteRequest.OrganisationForm("Northwind", "GB"),
                new ContactForm(name, email, "+44 20 7946 0958", "Head of Delivery"), "in-house", 24, mode, location,
                "January", new QuoteRequest.BudgetForm(new BigDecimal("1000.00"), "GBP"), "Hello\nthere",
                new ConsentForm("2026-09", false));
    }
}
