package dev.courseline.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An index's {@code partialFilterExpression}, which mongo-java-server accepts and ignores: which documents the index
 * holds ({@link #admits}), and whether a query can only match documents it holds ({@link #impliedBy}), which is when
 * MongoDB uses a partial index, and then reading the index misses no match.
 *
 * <p>Implication is decided per field, as MongoDB's planner does it, and conservatively: every condition of the
 * filter (its fields, including those in a top-level {@code $and}) must be implied by a condition of the query on
 * the same field, the same condition, equality to values the filter condition lets in, or, for {@code $exists: true},
 * any comparison with a value other than null. A filter with any other top-level operator is never implied.
 */
final class PartialFilter {

    private static final Set<String> COMPARISONS = Set.of("$eq", "$gt", "$gte", "$lt", "$lte");
    private static final String EXISTS = "$exists";

    private final Document expression;
    private final Map<String, List<Object>> conditions;
    private final DefaultQueryMatcher matcher = new DefaultQueryMatcher();

    private PartialFilter(Document expression, Map<String, List<Object>> conditions) {
        this.expression = expression;
        this.conditions = conditions;
    }

    /** The filter of an index description, or null when it has none. */
    static PartialFilter of(Document indexDescription) {
        if (indexDescription == null || !(indexDescription.get("partialFilterExpression") instanceof Document filter)
                || filter.isEmpty()) {
            return null;
        }
        return new PartialFilter(filter, conditions(filter));
    }

    Document expression() {
        return expression;
    }

    /** True when the index holds this document. */
    synchronized boolean admits(Document document) {
        return matcher.matches(document, expression);
    }

    /** True when every document matching {@code query} is one the index holds. */
    boolean impliedBy(Document query) {
        if (conditions == null || query == null) {
            return false;
        }
        // Other top-level operators of the query ($or, $nor, ...) only narrow it: the fields' conditions still hold.
        Map<String, List<Object>> asked = new LinkedHashMap<>();
        collect(query, asked);
        for (Map.Entry<String, List<Object>> filtered : conditions.entrySet()) {
            List<Object> onField = asked.getOrDefault(filtered.getKey(), List.of());
            for (Object filterCondition : filtered.getValue()) {
                if (onField.stream().noneMatch(condition -> implies(condition, filterCondition))) {
                    return false;
                }
            }
        }
        return true;
    }

    private synchronized boolean implies(Object queryCondition, Object filterCondition) {
        Document wanted = operators(filterCondition);
        Document given = operators(queryCondition);
        for (Map.Entry<String, Object> operator : wanted.entrySet()) {
            if (!implies(given, operator.getKey(), operator.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean implies(Document given, String operator, Object operand) {
        if (given.containsKey(operator) && same(given.get(operator), operand)) {
            return true;
        }
        List<Object> values = equalityValues(given);
        if (operator.equals(EXISTS)) {
            if (!Utils.isTrue(operand)) {
                return false;
            }
            if (Utils.isTrue(given.get(EXISTS)) || (values != null && !values.isEmpty())) {
                return true;
            }
            return given.entrySet().stream().anyMatch(condition -> COMPARISONS.contains(condition.getKey())
                    && isPlainValue(condition.getValue()));
        }
        // Equality to known values implies any condition those values all meet.
        Document single = new Document(operator, operand);
        return values != null && !values.isEmpty()
                && values.stream().allMatch(value -> matcher.matchesValue(single, value));
    }

    /** The values a condition restricts the field to, when it is an equality or an $in of plain values; else null. */
    private static List<Object> equalityValues(Document given) {
        if (given.size() != 1) {
            return null;
        }
        if (given.containsKey("$eq") && isPlainValue(given.get("$eq"))) {
            return List.of(given.get("$eq"));
        }
        if (given.get("$in") instanceof Collection<?> in && in.stream().allMatch(PartialFilter::isPlainValue)) {
            return new ArrayList<>(in);
        }
        return null;
    }

    /** Not null, not an array or a document, not a regular expression: a value equality matches exactly. */
    private static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Collection) && !(value instanceof Map)
                && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression);
    }

    /** A condition as operators: a value or a literal document is an {@code $eq}. */
    private static Document operators(Object condition) {
        if (condition instanceof Document document && !document.isEmpty()
                && document.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            return document;
        }
        return new Document("$eq", condition);
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(new KeyValue(a).normalized(), new KeyValue(b).normalized());
    }

    /** The conditions by field, including those of a top-level $and; null when there is any other operator. */
    private static Map<String, List<Object>> conditions(Document filter) {
        Map<String, List<Object>> conditions = new LinkedHashMap<>();
        return collect(filter, conditions) ? conditions : null;
    }

    /** Collects the fields' conditions; false when the query also has other top-level operators. */
    private static boolean collect(Document query, Map<String, List<Object>> conditions) {
        boolean onlyFields = true;
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> all) {
                for (Object part : all) {
                    onlyFields &= part instanceof Document document && collect(document, conditions);
                }
            } else if (entry.getKey().startsWith("$")) {
                onlyFields = false;
            } else {
                conditions.computeIfAbsent(entry.getKey(), field -> new ArrayList<>()).add(entry.getValue());
            }
        }
        return onlyFields;
    }
}
