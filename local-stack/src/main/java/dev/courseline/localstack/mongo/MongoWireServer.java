package dev.courseline.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

import dev.courseline.localstack.support.BindAddress;

/**
 * mongo-java-server speaking the MongoDB wire protocol: in memory for tests, or in one H2 file so the launcher keeps
 * data between runs. It has no transactions, change streams, $text or TTL expiry (see the stack notes).
 */
public final class MongoWireServer implements MongoStore {

    private final int port;
    private final Optional<Path> file;
    private MongoServer server;
    private MongoBackend backend;
    /** Servers that stopped listening for an outage; their event loops go with the backend at {@link #stop()}. */
    private final List<MongoServer> suspended = new ArrayList<>();

    private MongoWireServer(int port, Optional<Path> file) {
        this.port = port;
        this.file = file.map(Path::toAbsolutePath);
    }

    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(port, Optional.empty());
    }

    public static MongoWireServer inFile(int port, Path file) {
        return new MongoWireServer(port, Optional.of(file));
    }

    public synchronized MongoWireServer start() {
        if (server == null) {
            if (backend == null) {
                backend = backend();
            }
            server = new MongoServer(backend);
            server.bind(BindAddress.host(), port);
        }
        return this;
    }

    /**
     * An outage: stops listening and drops every client connection, so requests fail until {@link #resume()}; the
     * data stays.
     */
    @Override
    public synchronized void suspend() {
        if (server != null) {
            server.stopListening();
            if (backend instanceof InMemoryBackend memory) {
                memory.closeClients();
            } else if (backend instanceof H2FileBackend file) {
                file.closeClients();
            }
            suspended.add(server);
            server = null;
        }
    }

    /** Listens again on the same port, with the same data. */
    @Override
    public synchronized void resume() {
        start();
    }

    @Override
    public boolean supportsRestart() {
        return true;
    }

    /**
     * A restart's first half: the port closed, every connection dropped and, for a file store, the server's threads
     * ended and the file written out and closed, so {@link #startAfterRestart()} reads it back from disk. An
     * in-memory store has nothing on disk to read back: it keeps its backend, and only its server goes.
     */
    @Override
    public synchronized void stopForRestart() {
        if (file.isPresent()) {
            stop();
        } else {
            suspend();
        }
    }

    @Override
    public synchronized void startAfterRestart() {
        start();
    }

    /** Whether the data live in a file, read again at each restart. */
    public boolean isFile() {
        return file.isPresent();
    }

    /** Stops listening and closes the backend, which writes the H2 file out. */
    public synchronized void stop() {
        for (MongoServer old : suspended) {
            old.shutdownNow();
        }
        suspended.clear();
        if (server != null) {
            server.shutdownNow();
            server = null;
        } else if (backend != null) {
            backend.close();
        }
        backend = null;
    }

    public int port() {
        return port;
    }

    @Override
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        stop();
    }

    private MongoBackend backend() {
        if (file.isEmpty()) {
            return new InMemoryBackend();
        }
        try {
            Files.createDirectories(file.get().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file.get().getParent(), e);
        }
        StoreFormat.setAsideIfOtherFormat(file.get()).ifPresent(aside -> System.err.println("[mongo] "
                + file.get() + " was written in an older storage format; it was moved to " + aside
                + " and the store starts empty"));
        return new H2FileBackend(file.get().toString());
    }
}
