package dev.courseline.enquiry.abuse;

/** A client, email or organisation went over its limit; answered {@code 429} with {@code Retry-After}. */
public class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
