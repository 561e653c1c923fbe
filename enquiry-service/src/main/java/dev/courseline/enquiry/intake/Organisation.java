package dev.courseline.enquiry.intake;

/** {@code country} is an ISO 3166-1 alpha-2 code. */
public record Organisation(String name, String country) {
}
