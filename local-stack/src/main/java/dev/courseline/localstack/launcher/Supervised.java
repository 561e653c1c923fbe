package dev.courseline.localstack.launcher;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** A process the {@link Supervisor} keeps running: a service's JVM, or a stand-in in tests. */
public interface Supervised {

    String name();

    /** Starts it unless it runs already. */
    Supervised start();

    /** Completes when the current run ends, for whatever reason. */
    CompletableFuture<?> onExit();

    /** The exit code of the last run, once it has ended. */
    OptionalInt exitCode();

    /** Returns once it answers healthy; throws when it exits first or the time runs out. */
    Supervised awaitHealthy(Duration timeout);
}
