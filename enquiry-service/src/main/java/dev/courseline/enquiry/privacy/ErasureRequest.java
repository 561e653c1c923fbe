package dev.courseline.enquiry.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.web.SingleLine;

public record ErasureRequest(@NotBlank @Size(max = 254) @Email @SingleLine String email) {
}
