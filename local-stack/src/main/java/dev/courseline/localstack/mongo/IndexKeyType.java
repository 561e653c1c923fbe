package dev.courseline.localstack.mongo;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the H2 backend's unique indexes, in the same order and the same file format as H2's own, but fast.
 *
 * <p>An index key ({@link KeyValue}) is not {@link Comparable}, so H2 orders two keys by Java-serialising both, and
 * does so at every step of every binary search: a profile of the local stack under load spent half the MongoDB
 * server's CPU there. Here each key is serialised once and its bytes kept while the key lives (a page of the index
 * holds on to its keys), so the order, and hence every existing data file, stays exactly as it was.
 */
final class IndexKeyType extends ObjectDataType {

    /** Weak keys: an entry goes when its key leaves the index's page cache and the search that made it ends. */
    private final Map<KeyValue, byte[]> serialised = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return a == b ? 0 : compareNotNull(bytes(left), bytes(right));
        }
        return super.compare(a, b);
    }

    private byte[] bytes(KeyValue key) {
        return serialised.computeIfAbsent(key, ObjectDataType::serialize);
    }
}
