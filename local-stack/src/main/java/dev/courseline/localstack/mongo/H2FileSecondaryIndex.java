package dev.courseline.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (single or compound) index of the H2 backend, which mongo-java-server only accepts and ignores. Each
 * document has one entry in an MVMap of its own in the file: its values of the index keys (normalised as
 * mongo-java-server normalises index keys: numbers as doubles, a missing field as null), then its position, so equal
 * values are allowed and ordered by position; the map is ordered by {@link IndexKeyType}. {@link IndexPlan} reads it;
 * mongo-java-server's own planner never does ({@link #canHandle} is false).
 *
 * <p>Sparse indexes keep an entry for every document too: a superset of what MongoDB keeps, which is safe because
 * every document read through an index is checked against the whole query again. Partial indexes are
 * {@link H2FilePartialIndex}.
 *
 * <p>Once any document holds an array on an indexed path the index is marked unusable for good (as MongoDB marks an
 * index multikey for good), recorded in the file, and queries go back to scanning: one entry per document is what
 * lets {@link IndexPlan} stream in order and count from entries.
 */
class H2FileSecondaryIndex extends Index<Object> {

    private static final String ID_FIELD = "_id";

    private final MVMap<KeyValue, Object> entries;
    private final MVMap<String, Boolean> unusableIndexes;
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
        this.mapName = mapName;
        this.keyType = (IndexKeyType) (Object) entries.getKeyType();
    }

    boolean isUsable() {
        return !unusableIndexes.containsKey(mapName);
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

    private KeyValue entryKey(Document document, Object position) {
        List<Object> values = new ArrayList<>(keys().size());
        for (String key : keys()) {
            values.add(Utils.getSubdocumentValue(document, key));
        }
        List<Object> entry = new ArrayList<>(values.size() + 1);
        new KeyValue(values).normalized().forEach(entry::add);
        entry.add(position);
        return new KeyValue(entry);
    }

    private boolean holdsArray(Document document) {
        for (String key : keys()) {
            Object value = document;
            for (String part : key.split("\\.")) {
                if (!(value instanceof Document parent)) {
                    break;
                }
                value = parent.get(part);
                if (value instanceof Collection) {
                    return true;
                }
            }
        }
        return false;
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
        if (holdsArray(document)) {
            unusableIndexes.put(mapName, Boolean.TRUE);
            return;
        }
        entries.put(entryKey(document, position), Boolean.TRUE);
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        if (!holdsArray(document)) {
            entries.remove(entryKey(document, position));
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Non-unique: nothing can conflict.
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (!holdsArray(oldDocument) && !holdsArray(newDocument)
                && entryKey(oldDocument, position).equals(entryKey(newDocument, position))) {
            return;
        }
        if (!holdsArray(oldDocument)) {
            entries.remove(entryKey(oldDocument, position));
        }
        add(newDocument, position, collection);
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
    }
}
