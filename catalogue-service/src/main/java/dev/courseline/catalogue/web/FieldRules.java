package dev.courseline.catalogue.web;

import java.util.ArrayList;
import java.util.List;

/** Collects cross-field problems of one request and throws them all together. */
public final class FieldRules {

    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldRules require(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
        return this;
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
