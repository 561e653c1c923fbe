package dev.courseline.localstack.mongo;

import java.util.Objects;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * The key type of the H2 backend's unique indexes: keys compared value by value in MongoDB's order, instead of H2's
 * default for a class that is not {@link Comparable}, which Java-serialises both keys at every step of every binary
 * search (half the MongoDB server's CPU under load). Keys equal in MongoDB's order but not equal as Java values (1
 * and 1.0) are told apart by class, so the order agrees with {@link KeyValue#equals}, which the index relies on.
 * Keys are still stored Java-serialised: that happens once per page written, not per comparison.
 */
final class IndexKeyType extends ObjectDataType {

    private static final ValueComparator MONGODB_ORDER = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    private int compareKeys(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
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
