package dev.courseline.website.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;

import dev.courseline.website.api.ApiException;

/** Every failure a visitor can meet is a page in words, never a JSON body or a stack trace. */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(ApiException.NotFound.class)
    Rendering notFound(ApiException.NotFound e) {
        return page(HttpStatus.NOT_FOUND, "error/404");
    }

    @ExceptionHandler(ApiException.Unavailable.class)
    Rendering unavailable(ApiException.Unavailable e) {
        log.warn("Answered the unavailable page: {}", e.getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "error/503");
    }

    /** A link that names nothing we have, e.g. a cancel page opened without its token. */
    @ExceptionHandler(PageNotFound.class)
    Rendering pageNotFound(PageNotFound e) {
        return Rendering.view("error/404").status(HttpStatus.NOT_FOUND)
                .modelAttribute("explanation", e.explanation() == null ? "" : e.explanation()).build();
    }

    static Rendering page(HttpStatus status, String view) {
        return Rendering.view(view).status(status).modelAttribute("status", status.value()).build();
    }
}
