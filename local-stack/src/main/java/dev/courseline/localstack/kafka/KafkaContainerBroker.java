package dev.courseline.localstack.kafka;

import org.testcontainers.kafka.KafkaContainer;

/** The broker as an {@code apache/kafka} container, for machines with a Docker engine. */
public final class KafkaContainerBroker implements KafkaBroker {

    public static final String IMAGE = "apache/kafka:4.1.2";

    private final KafkaContainer container = new KafkaContainer(IMAGE);

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public boolean supportsRestart() {
        return false;
    }

    @Override
    public void start() {
        container.start();
    }

    /** A container restart gets a new mapped port, which running clients would not follow. */
    @Override
    public void stop() {
        throw new UnsupportedOperationException("stopping the broker is supported in embedded mode only");
    }

    @Override
    public void pause() {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void unpause() {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
        container.stop();
    }
}
