package dev.courseline.localstack.mongo;

/** A MongoDB endpoint the stack offers: the embedded wire server or a container. */
public interface MongoStore extends AutoCloseable {

    String uri(String database);

    /** Makes the store unreachable, keeping its data, until {@link #resume()}. */
    void suspend();

    void resume();

    @Override
    void close();
}
