package dev.courseline.website.staff.privacy;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.staff.StaffApi;
import dev.courseline.website.web.FormErrors;

/** Erasure of a person's data on request (ADMIN only, here and in the enquiry service). */
@Controller
class PrivacyController {

    private final StaffApi api;

    PrivacyController(StaffApi api) {
        this.api = api;
    }

    record ErasureForm(String email, String confirm) {
    }

    @GetMapping("/staff/privacy")
    Rendering form() {
        return page(new ErasureForm(null, null), FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping("/staff/privacy/erasures")
    Mono<Rendering> erase(@ModelAttribute ErasureForm form) {
        if (form.confirm() == null) {
            return Mono.just(page(form, FormErrors.single("confirm", "Confirmation",
                    "tick the box to confirm that this person asked to be erased"), HttpStatus.BAD_REQUEST));
        }
        return api.erase(form.email())
                .map(result -> Rendering.view("staff/erased").modelAttribute("result", result)
                        .modelAttribute("email", form.email()).build())
                .onErrorResume(ApiException.InvalidInput.class, e -> Mono.just(page(form,
                        FormErrors.of(e.errors(), Map.of("email", "email"), Map.of("email", "Email")),
                        HttpStatus.BAD_REQUEST)));
    }

    private static Rendering page(ErasureForm form, FormErrors errors, HttpStatus status) {
        return Rendering.view("staff/privacy").status(status).modelAttribute("form", form)
                .modelAttribute("errors", errors).build();
    }
}
