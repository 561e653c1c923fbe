package dev.courseline.localstack.mongo;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection whose scans do not stop its writers. mongo-java-server runs every operation on a collection under
 * the collection's lock, a query that no index serves included: it reads every stored document while every insert
 * and update waits. The notification service's sweep for due notifications is such a query: with some 100,000
 * notifications stored after a load run, writers waited up to 2.2 s while such scans ran (JFR on this server).
 * A {@code findAndModify}, update or delete whose query scans still holds the lock (the enquiry outbox sweep's claim).
 *
 * <p>H2 iterates a snapshot of the map, so a scan runs safely without the lock, as mongo-java-server already serves
 * every batch after the first (getMore) without it. What such a scan may see is a document that an update is
 * changing at that moment, the same exposure those later batches have always had; the services treat a sweep's
 * results as candidates and act on them only through conditional writes. Queries an index serves keep the lock: they
 * are short, and the unique indexes are not snapshots.
 */
final class H2FileCollection extends H2Collection {

    H2FileCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        // The same unwrapping as AbstractMongoCollection.handleQuery.
        Document query = selector;
        Document orderBy = null;
        if (selector.containsKey("query")) {
            query = (Document) selector.get("query");
            orderBy = (Document) selector.get("orderby");
        } else if (selector.containsKey("$query")) {
            query = (Document) selector.get("$query");
            orderBy = (Document) selector.get("$orderby");
        }
        if (servedByAnIndex(query)) {
            return super.handleQuery(parameters);
        }
        return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(),
                parameters.getBatchSize(), parameters.getProjection());
    }

    private boolean servedByAnIndex(Document query) {
        return getIndexes().stream().anyMatch(index -> index.canHandle(query));
    }
}
