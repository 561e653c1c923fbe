package dev.courseline.catalogue.web;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Every error as an RFC 9457 problem body; bad input answers 400 with an {@code errors} array naming each bad field,
 * lifecycle conflicts and stale versions 409.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final String ERRORS = "errors";

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.isBindingFailure()
                        ? "has an invalid value '" + error.getRejectedValue() + "'"
                        : error.getDefaultMessage()))
                .toList();
        return badRequest(ex, errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(parameterName(result), error.getDefaultMessage())))
                .toList();
        return badRequest(ex, errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return badRequest(ex, List.of(inputError(ex)), headers, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> invalidRequest(InvalidRequestException ex, ServerWebExchange exchange) {
        return badRequest(ex, ex.problems(), new HttpHeaders(), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> notFound(NotFoundException ex, ServerWebExchange exchange) {
        return problem(ex, HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> invalidTransition(InvalidTransitionException ex, ServerWebExchange exchange) {
        return problem(ex, HttpStatus.CONFLICT, "Action not allowed in the current status", ex.getMessage(), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> staleVersion(StaleVersionException ex, ServerWebExchange exchange) {
        return problem(ex, HttpStatus.CONFLICT, "Stale version", ex.getMessage(), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> duplicate(DuplicateKeyException ex, ServerWebExchange exchange) {
        return problem(ex, HttpStatus.CONFLICT, "Already exists", "Something with this id already exists", exchange);
    }

    private Mono<ResponseEntity<Object>> problem(Exception ex, HttpStatus status, String title, String detail,
            ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return handleExceptionInternal(ex, body, new HttpHeaders(), status, exchange);
    }

    private Mono<ResponseEntity<Object>> badRequest(Exception ex, List<FieldProblem> errors, HttpHeaders headers,
            ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s)");
        body.setTitle("Invalid request");
        body.setProperty(ERRORS, errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    /** Names the field behind a body that could not be read (bad JSON, wrong type, unknown enum value). */
    private static FieldProblem inputError(ServerWebInputException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return new FieldProblem(path(jackson.getPath()), "has an invalid value or type");
            }
            if (cause instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
                return new FieldProblem(mismatch.getPropertyName(),
                        "has an invalid value '" + mismatch.getValue() + "'");
            }
        }
        if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
                && !ex.getMethodParameter().hasParameterAnnotation(RequestBody.class)) {
            return new FieldProblem(ex.getMethodParameter().getParameterName(), "has an invalid value");
        }
        return new FieldProblem("body", "must be a JSON document of the documented shape");
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
