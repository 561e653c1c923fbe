package dev.courseline.enquiry.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

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

    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            List<FieldProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
            throw new InvalidRequestException(sorted);
        }
    }
}
