package dev.courseline.website.api;

/** One bad field as a service's problem body names it, e.g. {@code contact.email}. */
public record FieldMessage(String field, String message) {
}
