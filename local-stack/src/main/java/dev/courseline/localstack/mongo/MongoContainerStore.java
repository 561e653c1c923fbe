package dev.courseline.localstack.mongo;

import org.testcontainers.mongodb.MongoDBContainer;

/** A real MongoDB (replica set, so transactions and change streams work) in a container. */
public final class MongoContainerStore implements MongoStore {

    public static final String IMAGE = "mongo:8.0";

    private final MongoDBContainer container = new MongoDBContainer(IMAGE).withReplicaSet();

    public MongoContainerStore start() {
        container.start();
        return this;
    }

    @Override
    public String uri(String database) {
        return container.getReplicaSetUrl(database);
    }

    /** Pauses the container: requests hang until the driver's timeouts, as with a store that stopped answering. */
    @Override
    public void suspend() {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void resume() {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
        container.stop();
    }
}
