package dev.courseline.enquiry.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.web.SingleLine;

/** The contact block shared by the public forms. */
public record ContactForm(
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotBlank @Size(max = 254) @Email @SingleLine String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "must be a phone number") String phone,
        @Size(max = 200) @SingleLine String jobTitle) {

    public Contact toContact() {
        return new Contact(name.strip(), email.strip(), blankToNull(phone), blankToNull(jobTitle));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
