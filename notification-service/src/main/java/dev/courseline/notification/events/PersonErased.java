package dev.courseline.notification.events;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code courseline.enquiry.person-erased.v1}: forget everything about the person with this email hash. */
public record PersonErased(@NotBlank @Pattern(regexp = "[0-9a-f]{64}") String emailSha256, Instant erasedAt) {
}
