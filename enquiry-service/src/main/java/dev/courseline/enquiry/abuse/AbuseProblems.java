package dev.courseline.enquiry.abuse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.courseline.enquiry.web.TitledProblem;

/** Problem bodies for the limits: ahead of the general handler, whose catch-all would otherwise answer them. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AbuseProblems {

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        body.setTitle("Too many requests");
        body.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(body);
    }

    @ExceptionHandler(TitledProblem.class)
    ResponseEntity<ProblemDetail> titled(TitledProblem e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setTitle(e.title());
        return ResponseEntity.status(e.status()).body(body);
    }
}
