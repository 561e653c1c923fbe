package dev.courseline.localstack.mongo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (single or compound) index of the H2 backend, which mongo-java-server only accepts and ignores. Each
 * document has an entry (one per array element, below) in an MVMap of its own in the file: its values of the index keys (normalised as
 * mongo-java-server normalises index keys: numbers as doubles, a missing field as null), then its position, so equal
 * values are allowed and ordered by position; the map is ordered by {@link IndexKeyType}. {@link IndexPlan} reads it;
 * mongo-java-server's own planner never does ({@link #canHandle} is false).
 *
 * <p>Sparse indexes keep an entry for every document too: a superset of what MongoDB keeps, which is safe because
 * every document read through an index is checked against the whole query again. Partial indexes are
 * {@link H2FilePartialIndex}.
 *
 * <p>A document with an array on an indexed path has one entry per distinct element ({@link IndexEntries}), and the
 * index is then marked multikey for good (as MongoDB marks it), recorded in the file: {@link IndexPlan} then reads it
 * for bounds only, never for order or a count from entries, and reads each document once. A document no entries can
 * stand for (arrays on two keys, or part way along a path) marks the index unusable for good, and queries go back to
 * scanning.
 */
class H2FileSecondaryIndex extends Index<Object> {

    private static final String ID_FIELD = "_id";
    private static final String MULTIKEY_INDEXES = "courseline.multikey-indexes";

    private final MVMap<KeyValue, Object> entries;
    private final MVMap<String, Boolean> unusableIndexes;
    private final MVMap<String, Boolean> multikeyIndexes;
    private final String mapName;
    private final IndexKeyType keyType;

    /**
     * @param entries the index's own map, opened with {@link IndexKeyType}
     * @param unusableIndexes the store's record of indexes that met an array, by map name
     */
    H2FileSecondaryIndex(MVMap<KeyValue, Object> entries, MVMap<String, Boolean> unusableIndexes, String mapName,
            String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
        this.unusableIndexes = unusableIndexes;
        this.multikeyIndexes = entries.getStore().openMap(MULTIKEY_INDEXES);
        this.mapName = mapName;
        this.keyType = (IndexKeyType) (Object) entries.getKeyType();
    }

    boolean isUsable() {
        return !unusableIndexes.containsKey(mapName);
    }

    /** True once any document held an array on an indexed path: entries are then not documents. */
    boolean isMultikey() {
        return multikeyIndexes.containsKey(mapName);
    }

    List<String> keyNames() {
        return keys();
    }

    IndexKeyType keyType() {
        return keyType;
    }

    /** The entries from {@code from} to {@code to} (both sentinels that are never stored), in either direction. */
    Cursor<KeyValue, Object> cursor(KeyValue from, KeyValue to, boolean reverse) {
        return reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    /** How many entries sort before {@code sentinel}, a key that is never stored. */
    long rank(KeyValue sentinel) {
        long index = entries.getKeyIndex(sentinel);
        return index < 0 ? -index - 1 : index;
    }

    /** The position is the document's {@code _id}, as H2's document map keys them. */
    static Object positionOf(Document document) {
        return document.get(ID_FIELD);
    }

    private IndexEntries entriesOf(Document document, Object position) {
        return IndexEntries.of(document, keys(), position);
    }

    @Override
    public Object getPosition(Document document) {
        // The _id index answers this; a null here leaves it to that one.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Non-unique: nothing can conflict.
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        put(entriesOf(document, position));
    }

    private void put(IndexEntries added) {
        if (added == null) {
            unusableIndexes.put(mapName, Boolean.TRUE);
            return;
        }
        if (added.multikey() && !isMultikey()) {
            multikeyIndexes.put(mapName, Boolean.TRUE);
        }
        added.keys().forEach(key -> entries.put(key, Boolean.TRUE));
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        IndexEntries removed = entriesOf(document, position);
        if (removed != null) {
            removed.keys().forEach(entries::remove);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Non-unique: nothing can conflict.
    }

    /** Only the entries that differ are written: an update that adds one array element adds one entry. */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        IndexEntries before = entriesOf(oldDocument, position);
        IndexEntries after = entriesOf(newDocument, position);
        if (before != null && after != null && before.keys().equals(after.keys())) {
            return;
        }
        if (before != null) {
            before.keys().stream().filter(key -> after == null || !after.keys().contains(key))
                    .forEach(entries::remove);
        }
        if (after == null) {
            put(null);
            return;
        }
        put(before == null
                ? after
                : new IndexEntries(after.keys().stream()
                        .filter(key -> !before.keys().contains(key))
                        .collect(Collectors.toCollection(LinkedHashSet::new)), after.multikey()));
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("read through IndexPlan");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // H2Database removes the map itself.
        unusableIndexes.remove(mapName);
        multikeyIndexes.remove(mapName);
    }
}
