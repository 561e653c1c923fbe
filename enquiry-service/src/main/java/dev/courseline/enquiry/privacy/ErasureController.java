package dev.courseline.enquiry.privacy;

import java.security.Principal;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.web.RequestValidator;

/** Erasure of a person's data on their request (ADMIN only). */
@RestController
@SecurityRequirement(name = "bearer")
public class ErasureController {

    private final ErasureService erasures;
    private final RequestValidator validator;

    public ErasureController(ErasureService erasures, RequestValidator validator) {
        this.erasures = erasures;
        this.validator = validator;
    }

    @PostMapping("/api/admin/erasures")
    public Mono<ErasureResult> erase(@RequestBody(required = false) ErasureRequest request, Principal admin) {
        return Mono.defer(() -> {
            RequestValidator.throwIfAny(validator.violations(request));
            return erasures.erase(request.email(), admin.getName());
        });
    }
}
