package dev.courseline.website.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class SharedCacheTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final SharedCache cache = new SharedCache(clock);
    private final AtomicInteger calls = new AtomicInteger();

    private String ask(String key, Duration maxAge) {
        return cache.<String>get(key, () -> Mono.fromSupplier(
                () -> new SharedCache.Fresh("answer " + calls.incrementAndGet(), maxAge))).block();
    }

    @Test
    void onlyAPublicMaxAgeAllowsKeepingAnAnswer() {
        assertThat(ApiCalls.sharedMaxAge("max-age=60, public")).isEqualTo(Duration.ofSeconds(60));
        assertThat(ApiCalls.sharedMaxAge("public, max-age=5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ApiCalls.sharedMaxAge("max-age=60")).isZero();
        assertThat(ApiCalls.sharedMaxAge("private, max-age=60")).isZero();
        assertThat(ApiCalls.sharedMaxAge("no-cache, no-store, max-age=0, must-revalidate")).isZero();
        assertThat(ApiCalls.sharedMaxAge(null)).isZero();
    }

    @Test
    void aFreshAnswerIsReusedUntilItsMaxAge() {
        assertThat(ask("seats", Duration.ofSeconds(5))).isEqualTo("answer 1");
        clock.now = clock.now.plusSeconds(4);
        assertThat(ask("seats", Duration.ofSeconds(5))).isEqualTo("answer 1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aStaleAnswerIsServedOnceMoreWhileTheNextIsFetchedThenTheNextIsServed() {
        ask("seats", Duration.ofSeconds(5));
        clock.now = clock.now.plusSeconds(6);

        assertThat(ask("seats", Duration.ofSeconds(5))).isEqualTo("answer 1");
        assertThat(ask("seats", Duration.ofSeconds(5))).isEqualTo("answer 2");
        assertThat(calls).hasValue(2);
    }

    @Test
    void anAnswerOlderThanTwiceItsMaxAgeIsNotServed() {
        ask("seats", Duration.ofSeconds(5));
        clock.now = clock.now.plusSeconds(11);

        assertThat(ask("seats", Duration.ofSeconds(5))).isEqualTo("answer 2");
    }

    @Test
    void anAnswerWithoutMaxAgeIsNeverReused() {
        assertThat(ask("private", Duration.ZERO)).isEqualTo("answer 1");
        assertThat(ask("private", Duration.ZERO)).isEqualTo("answer 2");
    }

    @Test
    void aFailureIsNotKept() {
        Mono<String> failing = cache.get("flaky", () -> Mono.error(new IllegalStateException("down")));
        assertThat(failing.onErrorReturn("failed").block()).isEqualTo("failed");

        assertThat(ask("flaky", Duration.ofSeconds(60))).isEqualTo("answer 1");
    }
}
