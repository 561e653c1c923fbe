package dev.courseline.website.web;

/**
 * A page whose link is incomplete or names nothing we offer; rendered as the friendly 404 page, with
 * {@code explanation} (written for the visitor) in place of the general one when given.
 */
public class PageNotFound extends RuntimeException {

    private final String explanation;

    public PageNotFound(String message) {
        this(message, null);
    }

    public PageNotFound(String message, String explanation) {
        super(message);
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
