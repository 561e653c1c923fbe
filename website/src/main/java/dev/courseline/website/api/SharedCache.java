package dev.courseline.website.api;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

/**
 * A shared HTTP cache for the public APIs' answers, as a CDN in front of them would be: an answer is kept for the
 * {@code max-age} of its {@code Cache-Control: public} and no longer (the catalogue says 60 s, seats 5 s), and
 * visitors asking for the same thing at once share one call. Failures and answers without a public max-age are
 * not kept.
 */
public final class SharedCache {

    /** An answer and how long its service allows it to be reused. */
    record Fresh(Object body, Duration maxAge) {
    }

    private final AsyncCache<String, Fresh> answers = Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfter(new Expiry<String, Fresh>() {
                @Override
                public long expireAfterCreate(String key, Fresh value, long currentTime) {
                    return value.maxAge().toNanos();
                }

                @Override
                public long expireAfterUpdate(String key, Fresh value, long currentTime, long currentDuration) {
                    return value.maxAge().toNanos();
                }

                @Override
                public long expireAfterRead(String key, Fresh value, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            })
            .buildAsync();

    @SuppressWarnings("unchecked")
    <T> Mono<T> get(String key, Supplier<Mono<Fresh>> call) {
        return Mono.fromFuture(() -> answers.get(key, (ignored, executor) -> call.get().toFuture()), true)
                .map(fresh -> (T) fresh.body());
    }
}
