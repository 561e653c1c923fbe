package dev.courseline.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor against stand-in processes that die when told to. */
class SupervisorTest {

    private static final Supervisor.Policy QUICK = new Supervisor.Policy(Duration.ofMillis(20), Duration.ofMillis(80),
            3, Duration.ofMinutes(1), Duration.ofSeconds(5));

    private final List<String> console = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void close() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void aProcessThatDiesIsRestartedAndTheConsoleSaysSo() {
        FakeProcess notification = new FakeProcess("notification");
        FakeProcess enquiry = new FakeProcess("enquiry");
        supervisor = supervise(notification, enquiry);

        notification.die(137);

        await().atMost(Duration.ofSeconds(5)).until(() -> notification.starts.get() == 2);
        assertThat(enquiry.starts).hasValue(1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> console.stream().anyMatch(line -> line.contains("restarted")));
        assertThat(console).anyMatch(line -> line.startsWith("[launcher] notification died (exit code 137); "
                + "restarting it in 20 ms"));
        assertThat(supervisor.gaveUpOn("notification")).isFalse();

        notification.die(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> notification.starts.get() == 3);
        assertThat(console).anyMatch(line -> line.contains("notification died (exit code 1); restarting it in 40 ms"));
    }

    @Test
    void afterRepeatedCrashesWithinTheWindowItGivesUpAndNamesTheLog() {
        FakeProcess notification = new FakeProcess("notification");
        supervisor = supervise(notification);

        for (int crash = 1; crash <= 3; crash++) {
            int startsBefore = notification.starts.get();
            notification.die(1);
            if (crash < 3) {
                await().atMost(Duration.ofSeconds(5)).until(() -> notification.starts.get() == startsBefore + 1);
            }
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.gaveUpOn("notification"));
        assertThat(notification.starts).hasValue(3);
        assertThat(console.get(console.size() - 1)).contains("notification died (exit code 1) 3 times within 1 min",
                "giving up", "Read .courseline/logs/notification.log");
    }

    @Test
    void onceClosedNothingIsRestarted() {
        FakeProcess website = new FakeProcess("website");
        supervisor = supervise(website);

        supervisor.close();
        website.die(143);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> website.starts.get() == 1);
        assertThat(console).isEmpty();
    }

    private Supervisor supervise(FakeProcess... processes) {
        for (FakeProcess process : processes) {
            process.start();
        }
        return new Supervisor(List.of(processes), QUICK, name -> Path.of(".courseline/logs/" + name + ".log"),
                console::add, Clock.systemUTC()).watch();
    }

    /** Runs until {@link #die(int)}; each start is a new run. */
    private static final class FakeProcess implements Supervised {

        private final String name;
        private final AtomicInteger starts = new AtomicInteger();
        private volatile CompletableFuture<Integer> run = CompletableFuture.completedFuture(0);

        FakeProcess(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized Supervised start() {
            if (run.isDone()) {
                run = new CompletableFuture<>();
                starts.incrementAndGet();
            }
            return this;
        }

        void die(int exitCode) {
            run.complete(exitCode);
        }

        @Override
        public CompletableFuture<?> onExit() {
            return run;
        }

        @Override
        public OptionalInt exitCode() {
            return run.isDone() ? OptionalInt.of(run.join()) : OptionalInt.empty();
        }

        @Override
        public Supervised awaitHealthy(Duration timeout) {
            return this;
        }
    }
}
