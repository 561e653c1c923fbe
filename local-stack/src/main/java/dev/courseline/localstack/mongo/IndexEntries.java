package dev.courseline.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The entries one document has in a {@link H2FileSecondaryIndex}: its values of the index keys (normalised as
 * mongo-java-server normalises index keys: numbers as doubles, a missing field as null), then its position. A key
 * whose value is an array gives one entry per distinct element, as a MongoDB multikey index does (an empty array
 * one entry with null, as a missing field); at most one key of a document may hold an array, as in MongoDB.
 */
record IndexEntries(Set<KeyValue> keys, boolean multikey) {

    /**
     * The document's entries, or null when no entries can stand for it: an array on two keys at once (MongoDB
     * refuses such a document) or part way along a key's path (an array of subdocuments).
     */
    static IndexEntries of(Document document, List<String> indexKeys, Object position) {
        List<Object> values = new ArrayList<>(indexKeys.size());
        int arrayKey = -1;
        for (int i = 0; i < indexKeys.size(); i++) {
            String key = indexKeys.get(i);
            if (arrayOnTheWay(document, key)) {
                return null;
            }
            Object value = Utils.getSubdocumentValue(document, key);
            if (value instanceof Collection) {
                if (arrayKey >= 0) {
                    return null;
                }
                arrayKey = i;
            }
            values.add(value);
        }
        Set<KeyValue> keys = new LinkedHashSet<>();
        if (arrayKey < 0) {
            keys.add(entry(values, position));
            return new IndexEntries(keys, false);
        }
        Collection<?> elements = (Collection<?>) values.get(arrayKey);
        if (elements.isEmpty()) {
            values.set(arrayKey, null);
            keys.add(entry(values, position));
        }
        for (Object element : elements) {
            List<Object> one = new ArrayList<>(values);
            one.set(arrayKey, element);
            keys.add(entry(one, position));
        }
        return new IndexEntries(keys, true);
    }

    private static KeyValue entry(List<Object> values, Object position) {
        List<Object> entry = new ArrayList<>(values.size() + 1);
        new KeyValue(values).normalized().forEach(entry::add);
        entry.add(position);
        return new KeyValue(entry);
    }

    private static boolean arrayOnTheWay(Document document, String key) {
        Object value = document;
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(value instanceof Document parent)) {
                return false;
            }
            value = parent.get(parts[i]);
            if (value instanceof Collection) {
                return true;
            }
        }
        return false;
    }
}
