package dev.courseline.enquiry.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import dev.courseline.enquiry.EnquiryApplication;
import dev.courseline.localstack.junit.WithLocalStack;

/** Production must never sign cancellation links with the secret committed to the repository. */
@WithLocalStack
class LinkSecretGuardIntegrationTest {

    @Test
    void theServiceRefusesToStartWithTheDevelopmentSecretInAProductionProfile() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(EnquiryApplication.class);

        assertThatThrownBy(() -> production.run("--spring.profiles.active=production", "--server.port=0").close())
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("ENQUIRY_LINK_SECRET is the development default")
                        .hasMessageContaining("set it from a Secret"));
    }
}
