package dev.courseline.notification.web;

/** One bad field of a request, as the {@code errors} array of a problem body lists it. */
public record FieldError(String field, String message) {
}
