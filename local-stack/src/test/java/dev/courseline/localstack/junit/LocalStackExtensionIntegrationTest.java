package dev.courseline.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.courseline.localstack.InfraMode;
import dev.courseline.localstack.LocalStack;

@WithLocalStack
class LocalStackExtensionIntegrationTest {

    @Test
    void theSystemPropertiesServicesReadPointAtTheStack() {
        LocalStack stack = LocalStack.current();

        assertThat(stack.serviceEnvironment("courseline-test")).containsOnlyKeys("KAFKA_BOOTSTRAP_SERVERS",
                "MONGODB_URI", "SMTP_HOST", "SMTP_PORT", "JWT_ISSUER_URI", "JWT_JWK_SET_URI");
        stack.serviceEnvironment(LocalStackExtension.TEST_DATABASE)
                .forEach((name, value) -> assertThat(System.getProperty(name)).as(name).isEqualTo(value));
        assertThat(System.getProperty("SMTP_PORT")).isEqualTo(String.valueOf(stack.greenMail().getSmtp().getPort()));
        // Only the broker process restarts on the same port; a container would come back on another mapped port.
        assertThat(stack.supportsBrokerRestart()).isEqualTo(stack.settings().mode() == InfraMode.EMBEDDED);
    }

    @Test
    void everyTestClassGetsTheSameStack() {
        assertThat(LocalStack.current()).isSameAs(LocalStack.current());
    }
}
