package dev.courseline.enquiry.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.idempotency.IdempotencyKeys.Claim;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * A first request whose write failed as far as it knows: across the fault suite's store restart, an insert was applied
 * but its answer was lost with the connection, the key was released, and the client's retry stored the quote again
 * (two lead emails). The key now goes only when nothing was stored.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
class FailedFirstRequestIntegrationTest {

    private static final String SCOPE = "TEST 127.0.0.1";

    @Autowired
    private IdempotencyKeys keys;

    private final Map<String, String> request = Map.of("organisation", "Northwind Logistics");

    @Test
    void aWriteAppliedDespiteItsErrorAnswersWithWhatWasStoredAndKeepsTheKey() {
        String key = UUID.randomUUID().toString();
        Claim first = keys.claim(SCOPE, key, request, "enquiry-1").block();

        String answer = keys.firstOrRepeat(first, () -> Mono.error(connectionLost()),
                () -> Mono.just("stored enquiry-1")).block();

        assertThat(answer).isEqualTo("stored enquiry-1");
        Claim retry = keys.claim(SCOPE, key, request, "enquiry-2").block();
        assertThat(retry.first()).as("a retry finds the key").isFalse();
        assertThat(retry.resourceId()).isEqualTo("enquiry-1");
    }

    @Test
    void aFailureThatStoredNothingReleasesTheKeySoARetryStoresIt() {
        String key = UUID.randomUUID().toString();
        Claim first = keys.claim(SCOPE, key, request, "enquiry-1").block();

        assertThatThrownBy(() -> keys.firstOrRepeat(first, () -> Mono.error(connectionLost()), Mono::<String>empty)
                .block()).isInstanceOf(DataAccessResourceFailureException.class);

        Claim retry = keys.claim(SCOPE, key, request, "enquiry-2").block();
        assertThat(retry.first()).as("the retry is a first request again").isTrue();
        assertThat(retry.resourceId()).isEqualTo("enquiry-2");
    }

    @Test
    void whenWhatWasStoredCannotBeReadTheKeyIsKeptAndTheFailureAnswered() {
        String key = UUID.randomUUID().toString();
        Claim first = keys.claim(SCOPE, key, request, "enquiry-1").block();

        assertThatThrownBy(() -> keys.firstOrRepeat(first, () -> Mono.error(connectionLost()),
                () -> Mono.<String>error(new DataAccessResourceFailureException("store still down"))).block())
                .hasMessage("connection lost");

        Claim retry = keys.claim(SCOPE, key, request, "enquiry-2").block();
        assertThat(retry.first()).as("the key may name a stored enquiry, so it stays").isFalse();
    }

    private static DataAccessResourceFailureException connectionLost() {
        return new DataAccessResourceFailureException("connection lost");
    }
}
