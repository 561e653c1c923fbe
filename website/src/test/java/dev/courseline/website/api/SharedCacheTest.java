package dev.courseline.website.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class SharedCacheTest {

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
    void aFreshAnswerIsReusedAndAnAnswerWithoutMaxAgeIsNot() {
        SharedCache cache = new SharedCache();
        AtomicInteger calls = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            assertThat(cache.<String>get("kept", () -> Mono.fromSupplier(
                    () -> new SharedCache.Fresh("answer " + calls.incrementAndGet(), Duration.ofMinutes(1))))
                    .block()).isEqualTo("answer 1");
        }
        AtomicInteger uncached = new AtomicInteger();
        for (int i = 1; i <= 3; i++) {
            assertThat(cache.<String>get("not-kept", () -> Mono.fromSupplier(
                    () -> new SharedCache.Fresh("answer " + uncached.incrementAndGet(), Duration.ZERO)))
                    .block()).isEqualTo("answer " + i);
        }
    }

    @Test
    void aFailureIsNotKept() {
        SharedCache cache = new SharedCache();
        AtomicInteger calls = new AtomicInteger();

        Mono<String> first = cache.get("flaky", () -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("down"))
                : Mono.just(new SharedCache.Fresh("back", Duration.ofMinutes(1))));
        assertThat(first.onErrorReturn("failed").block()).isEqualTo("failed");
        assertThat(cache.<String>get("flaky", () -> Mono.just(new SharedCache.Fresh("back", Duration.ofMinutes(1))))
                .block()).isEqualTo("back");
    }
}
