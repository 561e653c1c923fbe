package dev.courseline.notification.support;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.springframework.boot.test.context.SpringBootTest;

import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Base of the integration tests: the whole service on the local stack (real Kafka broker process, MongoDB-wire
 * server, GreenMail, identity provider). All of them share one Spring context; each test makes its own ids.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
public abstract class IntegrationTest {
}
