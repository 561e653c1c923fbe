package dev.courseline.localstack.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
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
 * on every write, which is most of the cost of updating a large document. Nothing in Courseline reads it;
 * {@code collStats} here reports the size an earlier version last recorded (0 for a collection created since).
 *
 * <p>Any other query that a non-unique index can serve ({@link H2FileSecondaryIndex}, {@link IndexPlan}) reads the
 * candidates from it, in the sort order when the index gives it, stopping once skip and limit are met; a count whose
 * conditions are all in the index's bounds is answered from the index alone. Everything else scans, as before.
 */
final class H2FileCollection extends H2Collection {

    private final MVMap<Object, Document> documents;

    H2FileCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        Object id = query.get(getIdField());
        if (id == null && !uniqueIndexCanHandle(query)) {
            Optional<IndexPlan> plan = IndexPlan.choose(secondaryIndexes(), query, orderBy,
                    limit > 0 ? (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, numberToSkip) + limit) : 0)
                    .filter(this::readsLessThanAScan);
            if (plan.isPresent()) {
                return queryThrough(plan.get(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        if (id == null || query.size() == 1) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // Every match of the whole query matches its _id condition alone: those few are checked against the rest.
        List<Document> sameId = new ArrayList<>();
        super.queryDocuments(new Document(getIdField(), id), null, 0, 0, 0, null).forEach(sameId::add);
        return matchDocumentsFromStream(sameId.stream(), query, orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    /**
     * Reading candidates one by one through the document map costs more per document than the scan's cursor, so an
     * unordered read of most of the collection scans instead; an ordered one stops at its page.
     */
    private boolean readsLessThanAScan(IndexPlan plan) {
        return plan.ordered() || plan.candidates() * 2 < documents.sizeAsLong();
    }

    private QueryResult queryThrough(IndexPlan plan, Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        Spliterator<Object> positions = Spliterators.spliteratorUnknownSize(
                plan.positions(documents.getKeyType()::compare), Spliterator.ORDERED);
        Stream<Document> candidates = StreamSupport.stream(positions, false)
                .map(this::getDocument)
                .filter(Objects::nonNull);
        return matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize,
                plan.ordered() ? null : deriveComparator(orderBy), fieldSelector);
    }

    /** Counts from an index alone when it holds every condition of the query; otherwise reads as a query does. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        if (query != null && !query.isEmpty() && !query.containsKey(getIdField()) && !uniqueIndexCanHandle(query)) {
            Optional<IndexPlan> plan = IndexPlan.choose(secondaryIndexes(), query, null, 0)
                    .filter(IndexPlan::covered);
            if (plan.isPresent()) {
                long count = Math.max(0, plan.get().count() - Math.max(0, skip));
                return (int) (limit > 0 ? Math.min(limit, count) : count);
            }
        }
        return super.count(query, skip, limit);
    }

    /** mongo-java-server's own choice, a unique index with exactly the query's keys, reads at most a few. */
    private boolean uniqueIndexCanHandle(Document query) {
        return getIndexes().stream().anyMatch(index -> index.isUnique() && index.canHandle(query));
    }

    private List<H2FileSecondaryIndex> secondaryIndexes() {
        List<H2FileSecondaryIndex> secondary = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof H2FileSecondaryIndex usable) {
                secondary.add(usable);
            }
        }
        return secondary;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
