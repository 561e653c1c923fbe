package dev.courseline.localstack.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 file backend, answering {@code hello} (see {@link HelloCommand}) and {@code listDatabases}
 * (see {@link ListDatabasesCommand}), with documents stored as BSON ({@link BsonDocumentType}) and unique indexes
 * ordered without serialising keys ({@link IndexKeyType}), non-unique indexes kept and used
 * ({@link H2FileSecondaryIndex}, {@link IndexPlan}, {@link CountPipeline}), and its collections planning queries by
 * {@code _id} as MongoDB does ({@link H2FileCollection}). The map names are H2Database's own; the file format is not, which
 * {@link StoreFormat} records and checks.
 */
class H2FileBackend extends H2Backend {

    private final ClientChannels clients = new ClientChannels();
    /* Static: the backend's superclass constructor opens the stored databases, before any field here is set. */
    private static final ThreadLocal<Document> CREATING = new ThreadLocal<>();

    @Override
    public void handleClose(Channel channel) {
        clients.closed(channel);
        super.handleClose(channel);
    }

    /** Drops every client connection, as a store that went away would. */
    void closeClients() {
        clients.closeAll();
    }

    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String UNUSABLE_INDEXES = "courseline.unusable-indexes";
    private static final int COMPACT_BELOW_FILL_RATE = 80;
    /* A write to a page no longer in H2's cache (16 MB by default) first reads and decodes it from the file. */
    private static final int CACHE_MB = 64;

    H2FileBackend(String fileName) {
        super(open(fileName));
        StoreFormat.mark(getMvStore());
    }

    /**
     * Every update leaves the old copy of a large document behind, and at H2's default fill rate (90%) its writer
     * spends its time rewriting live documents; a lower rate would stop compaction altogether, because the services'
     * sweeps never let the store look idle, and the file would only grow (docs/performance.md).
     */
    private static MVStore open(String fileName) {
        return new MVStore.Builder().fileName(fileName).autoCompactFillRate(COMPACT_BELOW_FILL_RATE).cacheSize(CACHE_MB)
                .open();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        clients.seen(channel);
        return CommandPatches.answer(database, command, name -> super.handleCommand(channel, database, name, query),
                this::listDatabaseNames, this::resolveDatabase);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: its superclass constructor already opens the existing collections and indexes,
     * before any field of this class is set, and the store is then reached through the enclosing backend, which
     * javac sets first.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap(DATABASES_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new H2FileCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            if ("aggregate".equalsIgnoreCase(command)) {
                Document answer = CountPipeline.answer(query, name -> resolveCollection(name, false),
                        this::getFullCollectionNamespace);
                if (answer != null) {
                    return answer;
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new H2FileUniqueIndex(indexMap(collectionName, indexName), indexName, keys, sparse);
        }

        /** Keeps the description of an index being created at hand: mongo-java-server passes on its keys only. */
        @Override
        protected void addIndex(Document indexDescription) {
            // Creating the collection first adds its _id index, within this call.
            Document outer = CREATING.get();
            CREATING.set(indexDescription);
            try {
                super.addIndex(indexDescription);
            } finally {
                if (outer == null) {
                    CREATING.remove();
                } else {
                    CREATING.set(outer);
                }
            }
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            PartialFilter filter = PartialFilter.of(description(collectionName, indexName));
            if (filter != null) {
                return new H2FilePartialIndex(indexMap(collectionName, indexName),
                        getMvStore().openMap(UNUSABLE_INDEXES), indexMapName(collectionName, indexName), indexName,
                        keys, sparse, filter);
            }
            return new H2FileSecondaryIndex(indexMap(collectionName, indexName),
                    getMvStore().openMap(UNUSABLE_INDEXES), indexMapName(collectionName, indexName), indexName, keys,
                    sparse);
        }

        /** The description being created, or else the one stored when it was (an index opened with the store). */
        private Document description(String collectionName, String indexName) {
            String namespace = getFullCollectionNamespace(collectionName);
            Document created = CREATING.get();
            if (created != null && indexName.equals(created.get("name")) && namespace.equals(created.get("ns"))) {
                return created;
            }
            for (Document stored : getOrCreateIndexesCollection().queryAll()) {
                if (indexName.equals(stored.get("name")) && namespace.equals(stored.get("ns"))) {
                    return stored;
                }
            }
            return null;
        }

        /** H2Database's own name, which its dropIndex removes. */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        private MVMap<KeyValue, Object> indexMap(String collectionName, String indexName) {
            return getMvStore().openMap(indexMapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        }
    }
}
