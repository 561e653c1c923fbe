package dev.courseline.enquiry.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;

/** Every error answer is an RFC 9457 problem body; bad input names each bad field in {@code errors}. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String STORE_RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
        return badRequest(e.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList());
    }

    /** Unreadable bodies: malformed JSON, a value of the wrong type, a body over the size limit. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        if (causedBy(e, DataBufferLimitException.class) != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
        }
        JacksonException jackson = causedBy(e, JacksonException.class);
        if (jackson != null) {
            String field = fieldPath(jackson.getPath());
            if (!field.isEmpty()) {
                return badRequest(List.of(new FieldProblem(field, "has a value of the wrong type or format")));
            }
            return badRequest(List.of(new FieldProblem("body", "must be well-formed JSON")));
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && e.getReason() != null && e.getReason().contains("body")) {
            return badRequest(List.of(new FieldProblem("body", "must not be empty")));
        }
        return problem(HttpStatus.BAD_REQUEST, e.getReason());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        log.warn("Answered 503: {}", e.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many requests changed the same thing at once; nothing was stored. Please retry.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(body);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return problem(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreUnavailable.explains(e)) {
            return storeUnavailable(e);
        }
        log.error("Unexpected failure while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; please retry.");
    }

    /**
     * The store did not answer: the request may or may not have been stored, so the answer says so, and that sending
     * it again is safe (an Idempotency-Key returns the first answer; without one, a repeat is linked to the first).
     */
    private static ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("Answered 503, the store is unavailable: {}", e.toString());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Our store did not answer in time, so this request may not have been recorded. Please send it again "
                        + "in a few seconds; sending it twice does not create it twice.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS).body(body);
    }

    static ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + problems.size() + " invalid field(s).");
        body.setTitle("Invalid request");
        body.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(body);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).body(body);
    }

    static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
