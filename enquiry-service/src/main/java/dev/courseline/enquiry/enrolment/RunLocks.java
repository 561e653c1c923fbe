package dev.courseline.enquiry.enrolment;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs the changes to one run's seats one after another inside this instance, without blocking a thread. The
 * revision check still guards against other instances; this only keeps 200 simultaneous enrolments on one run from
 * retrying against each other.
 */
@Component
class RunLocks {

    private final ConcurrentHashMap<String, Mono<Void>> tails = new ConcurrentHashMap<>();

    <T> Mono<T> serially(String runId, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            Mono<Void> mine = done.asMono();
            Mono<Void> previous = tails.put(runId, mine);
            Mono<Void> turn = previous == null ? Mono.empty() : previous;
            return turn.then(Mono.defer(work))
                    // Released only once the previous holder is done too, even if this caller gave up waiting.
                    .doFinally(signal -> turn.subscribe(null, null, () -> {
                        tails.remove(runId, mine);
                        done.tryEmitEmpty();
                    }));
        });
    }
}
