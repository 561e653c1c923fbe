package dev.courseline.enquiry.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One store operation for many callers at once. An item submitted while no batch is running starts one at once, so
 * a lone request waits for nothing; items submitted while a batch runs wait for it and then go together in the next,
 * up to {@code maxBatch}. Under load the fixed cost of an operation (a round trip, the store's command handling, the
 * driver's bookkeeping) is then paid once per batch instead of once per request (docs/performance.md).
 *
 * <p>The operation answers each job ({@link Job#succeed}, {@link Job#fail}); a job it leaves unanswered completes
 * empty when the operation completes, or gets the operation's error when it fails.
 */
public final class GroupCommit<I, O> {

    private final Function<List<Job<I, O>>, Mono<Void>> operation;
    private final int maxBatch;
    private final Queue<Job<I, O>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public GroupCommit(int maxBatch, Function<List<Job<I, O>>, Mono<Void>> operation) {
        this.maxBatch = maxBatch;
        this.operation = operation;
    }

    /** The item's outcome, once the batch it went in has been written. */
    public Mono<O> submit(I item) {
        return Mono.defer(() -> {
            Job<I, O> job = new Job<>(item, Sinks.one());
            waiting.add(job);
            runNext();
            return job.outcome.asMono();
        });
    }

    private void runNext() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        List<Job<I, O>> batch = new ArrayList<>();
        for (Job<I, O> next; batch.size() < maxBatch && (next = waiting.poll()) != null;) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            running.set(false);
            // An item may have arrived between the poll and the reset, with no one left to start its batch.
            if (!waiting.isEmpty()) {
                runNext();
            }
            return;
        }
        Mono.defer(() -> operation.apply(List.copyOf(batch)))
                .doOnSuccess(done -> batch.forEach(job -> job.outcome.tryEmitEmpty()))
                .doOnError(e -> batch.forEach(job -> job.outcome.tryEmitError(e)))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> {
                    running.set(false);
                    runNext();
                })
                .subscribe();
    }

    /** One caller's item and where its outcome goes. */
    public static final class Job<I, O> {

        private final I item;
        private final Sinks.One<O> outcome;

        private Job(I item, Sinks.One<O> outcome) {
            this.item = item;
            this.outcome = outcome;
        }

        public I item() {
            return item;
        }

        public void succeed(O value) {
            outcome.tryEmitValue(value);
        }

        public void fail(Throwable error) {
            outcome.tryEmitError(error);
        }
    }
}
