package dev.courseline.enquiry.web;

import org.springframework.http.HttpStatus;

/** A refusal with its own problem title, e.g. {@code 409 "Waitlist full"}; nothing was stored. */
public class TitledProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public TitledProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
