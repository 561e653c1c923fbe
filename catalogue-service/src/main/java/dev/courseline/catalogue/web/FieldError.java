package dev.courseline.catalogue.web;

/** One entry of a problem body's {@code errors} array: which field is wrong and why. */
public record FieldError(String field, String message) {
}
