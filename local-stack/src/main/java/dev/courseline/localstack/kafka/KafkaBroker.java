package dev.courseline.localstack.kafka;

/** A Kafka broker the stack offers: a child process here, a container when a Docker engine is used. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** Whether {@link #stop()} and {@link #start()} keep the same address and data. */
    boolean supportsRestart();

    void start();

    void stop();

    /** Freezes the broker (SIGSTOP, or a paused container): connections stay open and nothing answers. */
    void pause();

    void unpause();

    /** Ends the broker abruptly (SIGKILL): no clean shutdown, so the next {@link #start()} recovers its logs. */
    default void kill() {
        throw new UnsupportedOperationException("this broker cannot be killed and restarted");
    }

    @Override
    void close();
}
