package dev.courseline.catalogue.web;

import java.util.List;

/** Input that passed field validation but breaks a rule spanning fields (end before start, min above max...). */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("Invalid request: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
