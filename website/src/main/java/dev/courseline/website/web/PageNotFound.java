package dev.courseline.website.web;

/** Thrown by a page whose link is incomplete or names nothing; rendered as the friendly 404 page. */
public class PageNotFound extends RuntimeException {

    public PageNotFound(String message) {
        super(message);
    }
}
