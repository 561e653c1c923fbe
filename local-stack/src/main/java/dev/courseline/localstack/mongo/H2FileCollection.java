package dev.courseline.localstack.mongo;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 collection, planning a query that names an {@code _id} the way MongoDB does, and without
 * keeping a running total of the collection's size.
 *
 * <p>mongo-java-server uses an index only when its keys are exactly the query's, so a conditional update such as
 * {@code {_id: 1, revision: 7}} scanned the whole collection unless the service also kept a unique index on exactly
 * {@code (_id, revision)}: write cost for every document, only for this store. Here such a query reads the one
 * document with that {@code _id} through the {@code _id} index and then checks the other conditions on it, as MongoDB
 * does, so the services need no such indexes.
 *
 * <p>The running total (what {@code collStats} reports as {@code size}) BSON-encoded the whole document, old and new,
 * on every write, and wrote the total to the store each time: a quarter of the time of an update of a large document
 * (a run with 500 enrolments is about 330 KB). Nothing in Courseline reads it; {@code collStats} here reports the
 * size an earlier version last recorded (0 for a collection created since).
 */
final class H2FileCollection extends H2Collection {

    H2FileCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        Object id = query.get(getIdField());
        if (id == null || query.size() == 1) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // Every match of the whole query matches its _id condition alone: those few are checked against the rest.
        List<Document> sameId = new ArrayList<>();
        super.queryDocuments(new Document(getIdField(), id), null, 0, 0, 0, null).forEach(sameId::add);
        return matchDocumentsFromStream(sameId.stream(), query, orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
