package dev.courseline.localstack.mongo;

/** A MongoDB endpoint the stack offers: the embedded wire server or a container. */
public interface MongoStore extends AutoCloseable {

    String uri(String database);

    /** Makes the store unreachable, keeping its data, until {@link #resume()}. */
    void suspend();

    void resume();

    /** Whether {@link #stopForRestart()} and {@link #startAfterRestart()} can restart it on the same port. */
    default boolean supportsRestart() {
        return false;
    }

    /** Stops the store as a restart of its process would, keeping its data for {@link #startAfterRestart()}. */
    default void stopForRestart() {
        throw new UnsupportedOperationException("this store cannot restart on the same port");
    }

    /** Serves the same port again with the data the store had when it stopped. */
    default void startAfterRestart() {
        throw new UnsupportedOperationException("this store cannot restart on the same port");
    }

    @Override
    void close();
}
