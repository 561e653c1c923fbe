package dev.courseline.localstack.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 file backend, answering {@code hello} (see {@link HelloCommand}) and opening its unique
 * indexes with {@link IndexKeyType}, which orders keys as H2 does without serialising them at every comparison.
 */
final class H2FileBackend extends H2Backend {

    H2FileBackend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return HelloCommand.isHello(command)
                ? HelloCommand.asHelloReply(super.handleCommand(channel, database, "isMaster", query))
                : super.handleCommand(channel, database, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: its superclass constructor already opens the existing indexes, before any field of
     * this class is set, and the store is then reached through the enclosing backend, which javac sets first.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            // The map name is H2Database's own (private there), so existing data files keep their indexes.
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Object> map = getMvStore().openMap(mapName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            return new H2FileUniqueIndex(map, indexName, keys, sparse);
        }
    }
}
