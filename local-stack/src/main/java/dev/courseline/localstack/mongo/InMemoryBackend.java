package dev.courseline.localstack.mongo;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** mongo-java-server's memory backend, answering {@code hello} and {@code listDatabases} as the file backend does. */
final class InMemoryBackend extends MemoryBackend {

    private final ClientChannels clients = new ClientChannels();

    @Override
    public void handleClose(Channel channel) {
        clients.closed(channel);
        super.handleClose(channel);
    }

    /** Drops every client connection, as a store that went away would. */
    void closeClients() {
        clients.closeAll();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        clients.seen(channel);
        return CommandPatches.answer(database, command, name -> super.handleCommand(channel, database, name, query),
                this::listDatabaseNames, this::resolveDatabase);
    }
}
