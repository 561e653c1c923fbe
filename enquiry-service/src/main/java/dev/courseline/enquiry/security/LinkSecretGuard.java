package dev.courseline.enquiry.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import dev.courseline.enquiry.enrolment.EnrolmentProperties;

/**
 * Refuses to start with the committed development link secret outside development: with it, anyone holding an
 * enrolment id could forge that learner's cancellation link.
 */
@Component
class LinkSecretGuard {

    /** The default in application.yml, public in the repository. */
    static final String DEVELOPMENT_SECRET = "local-development-only-cancellation-link-secret";

    LinkSecretGuard(EnrolmentProperties enrolment, Environment environment,
            @Value("${enquiry.enrolment.development-profiles:local,dev}") List<String> developmentProfiles) {
        boolean development = environment.acceptsProfiles(Profiles.of(developmentProfiles.toArray(String[]::new)));
        String secret = enrolment.linkSecret();
        if (!development && (secret == null || secret.isBlank() || DEVELOPMENT_SECRET.equals(secret))) {
            throw new IllegalStateException("ENQUIRY_LINK_SECRET is " + (secret == null || secret.isBlank()
                    ? "empty"
                    : "the development default") + ", which signs cancellation links anyone could forge; set it from a "
                    + "Secret, or activate one of the profiles " + developmentProfiles + " for development");
        }
    }
}
