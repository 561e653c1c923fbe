package dev.courseline.enquiry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class GroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Records each batch it is given and answers every item with its upper case, once the test lets it finish. */
    private static final class Recorder {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<Sinks.Empty<Void>> finishes = new CopyOnWriteArrayList<>();

        Mono<Void> run(List<GroupCommit.Job<String, String>> jobs) {
            batches.add(jobs.stream().map(GroupCommit.Job::item).toList());
            Sinks.Empty<Void> finish = Sinks.empty();
            finishes.add(finish);
            return finish.asMono().doOnSuccess(done -> jobs.forEach(job -> job.succeed(job.item().toUpperCase())));
        }

        void finish(int batch) {
            finishes.get(batch).tryEmitEmpty();
        }
    }

    /** Submits the item now, as a request would, keeping its outcome for the test to look at later. */
    private static Mono<String> submitted(GroupCommit<String, String> commit, String item) {
        Mono<String> outcome = commit.submit(item).cache();
        outcome.subscribe(null, e -> {
        });
        return outcome;
    }

    @Test
    void aLoneItemIsWrittenAtOnceOnItsOwn() {
        Recorder recorder = new Recorder();
        GroupCommit<String, String> commit = new GroupCommit<>(10, recorder::run);

        Mono<String> outcome = submitted(commit, "a");

        assertThat(recorder.batches).containsExactly(List.of("a"));
        recorder.finish(0);
        assertThat(outcome.block(WAIT)).isEqualTo("A");
    }

    @Test
    void itemsArrivingWhileABatchIsWrittenGoTogetherInTheNext() {
        Recorder recorder = new Recorder();
        GroupCommit<String, String> commit = new GroupCommit<>(10, recorder::run);

        Mono<String> first = submitted(commit, "a");
        Mono<String> second = submitted(commit, "b");
        Mono<String> third = submitted(commit, "c");
        assertThat(recorder.batches).containsExactly(List.of("a"));

        recorder.finish(0);
        assertThat(recorder.batches).containsExactly(List.of("a"), List.of("b", "c"));
        recorder.finish(1);

        assertThat(List.of(first.block(WAIT), second.block(WAIT), third.block(WAIT))).containsExactly("A", "B", "C");
    }

    @Test
    void aBatchHoldsAtMostTheLimitAndTheRestFollow() {
        Recorder recorder = new Recorder();
        GroupCommit<String, String> commit = new GroupCommit<>(2, recorder::run);

        commit.submit("a").subscribe();
        commit.submit("b").subscribe();
        commit.submit("c").subscribe();
        commit.submit("d").subscribe();
        recorder.finish(0);
        recorder.finish(1);

        assertThat(recorder.batches).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
    }

    @Test
    void aFailedOperationFailsEveryItemOfItsBatchAndTheNextBatchStillRuns() {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        Sinks.Empty<Void> firstFails = Sinks.empty();
        GroupCommit<String, String> commit = new GroupCommit<>(10, jobs -> {
            batches.add(jobs.stream().map(GroupCommit.Job::item).toList());
            return batches.size() == 1
                    ? firstFails.asMono().then(Mono.error(new IllegalStateException("store gone")))
                    : Mono.fromRunnable(() -> jobs.forEach(job -> job.succeed(job.item().toUpperCase())));
        });

        Mono<String> failed = submitted(commit, "a");
        Mono<String> later = submitted(commit, "b");
        firstFails.tryEmitEmpty();

        assertThatThrownBy(() -> failed.block(WAIT)).isInstanceOf(IllegalStateException.class)
                .hasMessage("store gone");
        assertThat(later.block(WAIT)).isEqualTo("B");
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void anItemTheOperationFailsFailsAloneAndOneLeftUnansweredCompletesEmpty() {
        GroupCommit<String, String> commit = new GroupCommit<>(10, jobs -> {
            jobs.forEach(job -> {
                if (job.item().equals("taken")) {
                    job.fail(new IllegalArgumentException("taken"));
                } else if (job.item().equals("fresh")) {
                    job.succeed("stored");
                }
            });
            return Mono.empty();
        });

        assertThat(commit.submit("fresh").block(WAIT)).isEqualTo("stored");
        assertThatThrownBy(() -> commit.submit("taken").block(WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(commit.submit("ignored").blockOptional(WAIT)).isEmpty();
    }
}
