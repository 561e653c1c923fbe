package dev.courseline.localstack.mongo;

/** A MongoDB endpoint the stack offers: the embedded wire server or a container. */
public interface MongoStore extends AutoCloseable {

    String uri(String database);

    @Override
    void close();
}
