package dev.courseline.localstack.mongo;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;

/**
 * The key type of the H2 backend's unique indexes: keys compared value by value in MongoDB's order, instead of H2's
 * default for a class that is not {@link Comparable}, which Java-serialises both keys at every step of every binary
 * search (half the MongoDB server's CPU under load). Keys equal in MongoDB's order but not equal as Java values (1
 * and 1.0) are told apart by class, so the order agrees with {@link KeyValue#equals}, which the index relies on.
 * Keys are stored as BSON ({@code {n: size, "0": first, ...}}, a missing field left out), not Java-serialised: H2
 * writes every key of a page each time the page changes, and Java serialisation of those keys took a fifth of the
 * MongoDB server's CPU six minutes into a load run.
 */
final class IndexKeyType extends ObjectDataType {

    private static final ValueComparator MONGODB_ORDER = ValueComparator.ascWithoutListHandling();
    private static final String SIZE = "n";
    /** An estimate of a key on the heap, for H2's cache accounting: measuring each would mean encoding it. */
    private static final int MEMORY = 256;

    @Override
    public int getMemory(Object key) {
        return MEMORY;
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        KeyValue values = (KeyValue) key;
        Document document = new Document(SIZE, values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof Missing)) {
                document.put(Integer.toString(i), values.get(i));
            }
        }
        BsonInPages.write(buffer, encoded -> BsonEncoder.encodeDocument(document, encoded));
    }

    @Override
    public Object read(ByteBuffer buffer) {
        Document document = BsonInPages.read(buffer, length -> {
        });
        Object[] values = new Object[((Number) document.get(SIZE)).intValue()];
        for (int i = 0; i < values.length; i++) {
            String position = Integer.toString(i);
            values[i] = document.containsKey(position) ? document.get(position) : Missing.getInstance();
        }
        return new KeyValue(values);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    private int compareKeys(KeyValue left, KeyValue right) {
        return compareFrom(left, right, 0);
    }

    /** Compares two keys from their {@code from}th value on, as {@link #compare} compares whole keys. */
    int compareFrom(KeyValue left, KeyValue right, int from) {
        int common = Math.min(left.size(), right.size());
        for (int i = from; i < common; i++) {
            int order = compareValues(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private int compareValues(Object a, Object b) {
        int order = MONGODB_ORDER.compare(a, b);
        if (order != 0 || Objects.equals(a, b)) {
            return order;
        }
        order = className(a).compareTo(className(b));
        return order != 0 ? order : super.compare(a, b);
    }

    private static String className(Object value) {
        return value == null ? "" : value.getClass().getName();
    }
}
