package dev.courseline.localstack.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index with a {@code partialFilterExpression}: only the documents its {@link PartialFilter} admits
 * have an entry, as in MongoDB, so a sweep for "unfinished only" reads the few unfinished documents and not the
 * whole collection. {@link IndexPlan} uses it only for a query that implies the filter, and then may read it whole.
 */
final class H2FilePartialIndex extends H2FileSecondaryIndex {

    private final PartialFilter filter;

    H2FilePartialIndex(MVMap<KeyValue, Object> entries, MVMap<String, Boolean> unusableIndexes, String mapName,
            String name, List<IndexKey> keys, boolean sparse, PartialFilter filter) {
        super(entries, unusableIndexes, mapName, name, keys, sparse);
        this.filter = filter;
    }

    /** False for a partial index whose filter the query does not imply: reading it would miss matches. */
    static boolean mayServe(H2FileSecondaryIndex index, Document query) {
        return !(index instanceof H2FilePartialIndex partial) || partial.filter.impliedBy(query);
    }

    static boolean isPartial(H2FileSecondaryIndex index) {
        return index instanceof H2FilePartialIndex;
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (filter.admits(document)) {
            super.add(document, position, collection);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        return filter.admits(document) ? super.remove(document) : positionOf(document);
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        boolean held = filter.admits(oldDocument);
        boolean holds = filter.admits(newDocument);
        if (held && holds) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
        } else if (held) {
            super.remove(oldDocument);
        } else if (holds) {
            super.add(newDocument, position, collection);
        }
    }

    @Override
    public Document toIndexDescription() {
        return super.toIndexDescription().append("partialFilterExpression", filter.expression());
    }
}
