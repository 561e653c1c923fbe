package dev.courseline.website.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page gets a fresh form stamp, so each public form (fragment {@code form-guard}) carries its render time. */
@ControllerAdvice
class FormStampAdvice {

    private final FormGuard guard;

    FormStampAdvice(FormGuard guard) {
        this.guard = guard;
    }

    @ModelAttribute(FormGuard.STAMP)
    String formStamp() {
        return guard.stamp();
    }
}
