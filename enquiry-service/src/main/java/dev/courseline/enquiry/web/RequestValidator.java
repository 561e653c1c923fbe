package dev.courseline.enquiry.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Bean Validation plus the checks that need the service's own state, reported together so the caller sees every bad
 * field in one answer.
 */
@Component
public class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** The request's constraint violations as field problems, sorted by field. */
    public List<FieldProblem> violations(Object request) {
        if (request == null) {
            return List.of(new FieldProblem("body", "must not be empty"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return problems;
    }

    /** Checks an {@code Idempotency-Key} header: absent, or up to 200 printable characters. */
    public static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > 200
                || header.codePoints().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw InvalidRequestException.of("Idempotency-Key",
                    "must be 1 to 200 printable ASCII characters without spaces");
        }
        return header;
    }

    /**
     * A query parameter that names one of {@code type}'s constants, as written (surrounding spaces ignored); null when
     * absent or empty. Otherwise a problem naming the parameter and every accepted value is added.
     */
    public static <E extends Enum<E>> E constantOf(Class<E> type, String parameter, String value,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        problems.add(new FieldProblem(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    /**
     * A query parameter that is a whole number from {@code min} to {@code max} (surrounding spaces ignored). Otherwise
     * a problem naming the parameter is added and {@code min} returned.
     */
    public static int wholeNumber(String parameter, String value, int min, int max, List<FieldProblem> problems) {
        boolean unbounded = max == Integer.MAX_VALUE;
        String range = unbounded ? min + " or more" : "between " + min + " and " + max;
        int number;
        try {
            number = Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(parameter, "must be a whole number" + (unbounded ? ", " : " ") + range));
            return min;
        }
        if (number < min || number > max) {
            problems.add(new FieldProblem(parameter, "must be " + range));
            return min;
        }
        return number;
    }

    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            List<FieldProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
            throw new InvalidRequestException(sorted);
        }
    }
}
