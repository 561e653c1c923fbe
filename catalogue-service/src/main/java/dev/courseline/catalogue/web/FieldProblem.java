package dev.courseline.catalogue.web;

/** One bad field of a request, as listed in a problem body's {@code errors}. */
public record FieldProblem(String field, String message) {
}
