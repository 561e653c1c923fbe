package dev.courseline.website.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * A shared HTTP cache for the public APIs' answers, as a CDN in front of them would be. An answer is fresh for the
 * {@code max-age} of its {@code Cache-Control: public} (the catalogue says 60 s, seats 5 s). For one more max-age
 * after that it is still served while a single call in the background fetches the next (stale-while-revalidate), so
 * no visitor waits for a refresh; older than that, the visitor waits for the call. Visitors asking for something not
 * kept share one call. Failures and answers without a public max-age are not kept.
 */
public final class SharedCache {

    /** An answer and how long its service allows it to be reused. */
    record Fresh(Object body, Duration maxAge) {
    }

    private record Kept(Object body, Instant freshUntil, Instant staleUntil, AtomicBoolean refreshing) {
    }

    private final Clock clock;
    private final Cache<String, Kept> kept = Caffeine.newBuilder().maximumSize(2_000).build();
    private final AsyncCache<String, Fresh> inFlight = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterWrite(Duration.ZERO).buildAsync();

    public SharedCache(Clock clock) {
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    <T> Mono<T> get(String key, Supplier<Mono<Fresh>> call) {
        Instant now = clock.instant();
        Kept answer = kept.getIfPresent(key);
        if (answer != null && now.isBefore(answer.freshUntil())) {
            return Mono.just((T) answer.body());
        }
        if (answer != null && now.isBefore(answer.staleUntil())) {
            if (answer.refreshing().compareAndSet(false, true)) {
                fetch(key, call).subscribe(ignored -> {
                }, failed -> answer.refreshing().set(false));
            }
            return Mono.just((T) answer.body());
        }
        return fetch(key, call).map(fresh -> (T) fresh.body());
    }

    private Mono<Fresh> fetch(String key, Supplier<Mono<Fresh>> call) {
        return Mono.fromFuture(() -> inFlight.get(key, (ignored, executor) -> call.get().toFuture()), true)
                .doOnNext(fresh -> keep(key, fresh));
    }

    private void keep(String key, Fresh fresh) {
        if (fresh.maxAge().isZero()) {
            kept.invalidate(key);
            return;
        }
        Instant now = clock.instant();
        kept.put(key, new Kept(fresh.body(), now.plus(fresh.maxAge()), now.plus(fresh.maxAge().multipliedBy(2)),
                new AtomicBoolean()));
    }
}
