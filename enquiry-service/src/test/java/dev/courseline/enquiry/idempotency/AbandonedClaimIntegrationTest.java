package dev.courseline.enquiry.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.idempotency.IdempotencyKeys.Claim;
import dev.courseline.enquiry.idempotency.IdempotencyKeys.RequestInProgress;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * A first request that claimed its Idempotency-Key and died before storing its resource (the fault suite's enquiry
 * SIGKILL found repeats answered 409 for the key's whole window): a repeat after the claim timeout creates the
 * resource itself, exactly once; a repeat while the claim is young still waits and answers 409.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class AbandonedClaimIntegrationTest {

    @Autowired
    private IdempotencyKeys keys;

    @Autowired
    private ReactiveMongoTemplate mongo;

    private final Map<String, String> request = Map.of("organisation", "Northwind Logistics");

    @Test
    void aClaimWhoseRequestDiedIsTakenOverByARepeatOnceItIsOld() {
        String key = UUID.randomUUID().toString();
        Claim dead = keys.claim("TEST 127.0.0.1", key, request, "never-stored").block();
        assertThat(dead.first()).isTrue();
        backDate(dead, Duration.ofMinutes(5));

        Claim repeat = keys.claim("TEST 127.0.0.1", key, request, "second").block();
        assertThat(repeat.first()).isFalse();
        String answer = keys.firstOrRepeat(repeat, () -> Mono.just("created " + repeat.ownResourceId()),
                Mono::<String>empty).block();

        assertThat(answer).isEqualTo("created second");
        Claim third = keys.claim("TEST 127.0.0.1", key, request, "third").block();
        assertThat(third.first()).as("the key now names the taken-over resource").isFalse();
        assertThat(third.resourceId()).isEqualTo("second");
    }

    @Test
    void aYoungClaimIsStillInProgress() {
        String key = UUID.randomUUID().toString();
        keys.claim("TEST 127.0.0.1", key, request, "being-stored").block();

        Claim repeat = keys.claim("TEST 127.0.0.1", key, request, "second").block();

        assertThatThrownBy(() -> keys.firstOrRepeat(repeat, () -> Mono.just("created"),
                Mono::<String>empty).block()).isInstanceOf(RequestInProgress.class);
    }

    /** As if the claim had been made {@code ago}: its expiry moved back by as much. */
    private void backDate(Claim claim, Duration ago) {
        var stored = mongo.findById(claim.id(), IdempotencyKeys.IdempotencyKey.class).block();
        Instant earlier = stored.expiresAt().minus(ago);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())), new Update().set("expiresAt", earlier),
                IdempotencyKeys.IdempotencyKey.class).block();
    }
}
