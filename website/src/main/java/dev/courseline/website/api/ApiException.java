package dev.courseline.website.api;

import java.util.List;

/** What an API answered instead of success, in the terms a page needs to explain it. */
public sealed class ApiException extends RuntimeException {

    ApiException(String message) {
        super(message);
    }

    ApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 400: the service named the bad fields; the form shows each message next to its field. */
    public static final class InvalidInput extends ApiException {
        private final List<FieldMessage> errors;

        public InvalidInput(String detail, List<FieldMessage> errors) {
            super(detail);
            this.errors = List.copyOf(errors);
        }

        public List<FieldMessage> errors() {
            return errors;
        }
    }

    /** 404: no such course, run, enrolment or enquiry (or a link whose token does not match). */
    public static final class NotFound extends ApiException {
        public NotFound(String detail) {
            super(detail);
        }
    }

    /** 409: the request clashes with what is stored, e.g. an email already enrolled on the run. */
    public static final class Conflict extends ApiException {
        private final String title;

        public Conflict(String detail) {
            this(null, detail);
        }

        public Conflict(String title, String detail) {
            super(detail);
            this.title = title;
        }

        /** The problem's title, e.g. "Waitlist full", or null. */
        public String title() {
            return title;
        }
    }

    /** 429: too many requests from this visitor (or email, or organisation); the page says when to try again. */
    public static final class TooManyRequests extends ApiException {
        public TooManyRequests(String detail) {
            super(detail);
        }
    }

    /** 412: the change named a version that is no longer the current one; someone else changed it meanwhile. */
    public static final class Stale extends ApiException {
        public Stale(String detail) {
            super(detail);
        }
    }

    /** The service is down, too slow, or answered 5xx: nothing can be promised, so the page says to retry. */
    public static final class Unavailable extends ApiException {
        public Unavailable(String detail, Throwable cause) {
            super(detail, cause);
        }
    }
}
