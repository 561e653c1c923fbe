package dev.courseline.notification.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Turns bad input into RFC 9457 problem bodies whose {@code errors} array names each bad field. */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail badRequest(InvalidRequestException e) {
        return problem(e.problems());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadableInput(ServerWebInputException e) {
        String field = e.getMethodParameter() == null ? "request" : e.getMethodParameter().getParameterName();
        return problem(List.of(new FieldProblem(field, "is not a valid value")));
    }

    /** Not found, conflict and the like: the status and reason the code chose, as a problem body. */
    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail statusException(ResponseStatusException e) {
        return e.getBody();
    }

    private static ProblemDetail problem(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem;
    }
}
