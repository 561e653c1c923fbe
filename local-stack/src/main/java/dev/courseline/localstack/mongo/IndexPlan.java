package dev.courseline.localstack.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import org.h2.mvstore.Cursor;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * How one query reads a {@link H2FileSecondaryIndex}, as MongoDB would: equality (or {@code $in}) on the leading keys
 * of the index, then optionally a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on the next one. Each
 * combination of the equality values is one run of entries; when the sort is the index's order after those keys (or
 * exactly its reverse, if the sort names {@code _id} so ties cannot differ) the runs are merged in that order and the
 * reader stops once the page is full; otherwise the candidates are read in {@code _id} order, as a scan reads them,
 * and sorted as a scan sorts them. Every candidate document is checked against the whole query, so an index only
 * ever narrows what is read. A count whose conditions are all in the bounds is answered from the entries alone.
 *
 * <p>Only scalar values are used for bounds (strings, numbers, booleans, dates, ObjectIds, UUIDs), and regular
 * expressions anchored at the start ({@link PrefixBounds}); {@code $all} is bounded by one of its elements, the one
 * whose bounds hold the fewest entries. Null, other regular expressions, documents, arrays and every other operator
 * are left to the check, and a query with none of its conditions on the leading key of any index is not planned at
 * all: the collection scans as before.
 *
 * <p>Of the plans the indexes offer, the one reading the fewest entries wins (counted from the indexes' ranks, not
 * guessed); an ordered plan for a limited query reads only until its page is full, so it counts as its page when all
 * the query's conditions are in its bounds, and as a quarter of its entries otherwise.
 *
 * <p>A multikey index (one entry per array element) is read for bounds only: each document once, never in index
 * order, never counted from entries, and a two-sided range from operators is bounded on one side only there, since
 * two elements of one array may meet the two sides.
 *
 * <p>A partial index ({@link H2FilePartialIndex}) serves only a query that implies its filter, and may then be read
 * whole, without bounds: it holds just the documents its filter admits.
 */
final class IndexPlan {

    /** A product of $in lists beyond this many runs is not worth merging. */
    private static final int MAX_RUNS = 64;
    /** Runs read one after the other, not merged, cost a seek each: an $in of a batch of ids stays bounded. */
    private static final int MAX_UNMERGED_RUNS = 1_024;
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    private static final DefaultQueryMatcher MATCHER = new DefaultQueryMatcher();
    /** An ordered plan that must check conditions outside its bounds counts as this fraction of its entries. */
    private static final int ORDERED_ADVANTAGE = 4;
    /** At most this many elements of one $all, and this many combinations of them, are tried for bounds. */
    private static final int MAX_CHOICES = 8;
    private static final int MAX_VARIANTS = 16;

    private final H2FileSecondaryIndex index;
    private final List<List<Object>> runs;
    private final int fixedKeys;
    private final Document range;
    private final boolean ordered;
    private final boolean reverse;
    private final boolean covered;
    private final Map<Integer, List<Object>> keyFilters;

    private IndexPlan(H2FileSecondaryIndex index, List<List<Object>> runs, int fixedKeys, Document range,
            boolean ordered, boolean reverse, boolean covered, Map<Integer, List<Object>> keyFilters) {
        this.index = index;
        this.runs = runs;
        this.fixedKeys = fixedKeys;
        this.range = range;
        this.ordered = ordered;
        this.reverse = reverse;
        this.covered = covered;
        this.keyFilters = keyFilters;
    }

    /** True when the positions come in the query's sort order, so no sort is needed after them. */
    boolean ordered() {
        return ordered;
    }

    /** True when {@link #count()} answers the query exactly, without reading documents. */
    boolean covered() {
        return covered;
    }

    /**
     * The usable index that reads the fewest entries for the query, if any serves it; of equal costs the one with
     * more bounded keys. {@code limit} 0 means all matches, else how many the reader needs (skip included); an index
     * that serves only the sort is used only for a limited query, where stopping early pays for reading in index
     * order.
     */
    static Optional<IndexPlan> choose(Collection<H2FileSecondaryIndex> indexes, Document query, Document orderBy,
            int limit) {
        boolean[] onlyFields = {true};
        Map<String, Condition> conditions = conditions(query, onlyFields);
        IndexPlan best = null;
        long bestCost = Long.MAX_VALUE;
        int bestBounded = 0;
        for (Map<String, Condition> variant : variants(conditions)) {
            for (H2FileSecondaryIndex index : indexes) {
                if (!index.isUsable() || !H2FilePartialIndex.mayServe(index, query)) {
                    continue;
                }
                IndexPlan plan = plan(index, onlyFields[0], variant, orderBy);
                int bounded = plan.fixedKeys + (plan.range != null ? 1 : 0);
                if (bounded == 0 && !(plan.ordered && limit > 0) && !H2FilePartialIndex.isPartial(index)) {
                    continue;
                }
                long cost = plan.cost(limit);
                if (cost < bestCost || (cost == bestCost && bounded > bestBounded)) {
                    best = plan;
                    bestCost = cost;
                    bestBounded = bounded;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The entries this plan reads for {@code limit} matches (0: all of them). */
    long cost(int limit) {
        long candidates = candidates();
        if (!ordered || limit <= 0) {
            return candidates;
        }
        return covered ? Math.min(candidates, limit) : candidates / ORDERED_ADVANTAGE;
    }

    /** The query's conditions once for each choice of bounds a field's {@code $all} offers. */
    private static List<Map<String, Condition>> variants(Map<String, Condition> conditions) {
        List<Map<String, Condition>> variants = new ArrayList<>();
        variants.add(conditions);
        for (Map.Entry<String, Condition> field : conditions.entrySet()) {
            List<Condition> choices = field.getValue().choices();
            if (choices == null) {
                continue;
            }
            int usable = Math.max(1, Math.min(choices.size(), MAX_VARIANTS / variants.size()));
            List<Map<String, Condition>> expanded = new ArrayList<>();
            for (Map<String, Condition> variant : variants) {
                for (Condition choice : choices.subList(0, usable)) {
                    Map<String, Condition> one = new LinkedHashMap<>(variant);
                    one.put(field.getKey(), choice);
                    expanded.add(one);
                }
            }
            variants = expanded;
        }
        return variants;
    }

    private static IndexPlan plan(H2FileSecondaryIndex index, boolean onlyFields, Map<String, Condition> conditions,
            Document orderBy) {
        List<String> keys = index.keyNames();
        boolean multikey = index.isMultikey();
        List<List<Object>> runs = new ArrayList<>();
        runs.add(List.of());
        int fixed = 0;
        Set<String> singleValued = new LinkedHashSet<>();
        while (fixed < keys.size()) {
            Condition condition = conditions.get(keys.get(fixed));
            if (condition == null || condition.values == null
                    || runs.size() * condition.values.size() > MAX_UNMERGED_RUNS) {
                break;
            }
            List<List<Object>> extended = new ArrayList<>();
            for (List<Object> run : runs) {
                for (Object value : condition.values) {
                    List<Object> longer = new ArrayList<>(run);
                    longer.add(value);
                    extended.add(longer);
                }
            }
            runs = extended;
            if (condition.values.size() == 1) {
                singleValued.add(keys.get(fixed));
            }
            fixed++;
        }
        Document range = null;
        if (fixed < keys.size()) {
            Condition condition = conditions.get(keys.get(fixed));
            if (condition != null && condition.range != null) {
                range = multikey && !condition.prefix ? oneSide(condition.range) : condition.range;
            }
        }
        int consumed = fixed + (range != null ? 1 : 0);
        boolean covered = !multikey && onlyFields
                && conditions.values().stream().allMatch(Condition::indexable)
                && conditions.size() == consumed;
        Boolean reverse = multikey || runs.size() > MAX_RUNS
                ? null
                : sortDirection(index, fixed, singleValued, orderBy);
        boolean ordered = reverse != null;
        return new IndexPlan(index, runs, fixed, range, ordered, ordered && reverse, covered,
                keyFilters(keys, consumed, conditions));
    }

    /** Two elements of one array may meet the two sides of a range: only the lower side (or the upper) bounds it. */
    private static Document oneSide(Document range) {
        Document side = new Document();
        for (String operator : List.of("$gte", "$gt")) {
            if (range.containsKey(operator)) {
                side.put(operator, range.get(operator));
                return side;
            }
        }
        return range;
    }

    /**
     * Equality conditions on the keys after the bounded ones, checked on each entry before its document is read:
     * {@code (searchTerms, lead.team)} bounded by a prefix then reads only the team's documents.
     */
    private static Map<Integer, List<Object>> keyFilters(List<String> keys, int consumed,
            Map<String, Condition> conditions) {
        Map<Integer, List<Object>> filters = new LinkedHashMap<>();
        for (int key = consumed; key < keys.size(); key++) {
            Condition condition = conditions.get(keys.get(key));
            if (condition != null && condition.values != null) {
                filters.put(key, condition.values);
            }
        }
        return filters;
    }

    /**
     * Null when the index cannot give the sort; else whether it gives it read backwards. The sort's keys, less those
     * fixed to one value, must be the index's keys after the fixed ones, all ascending or all descending.
     */
    private static Boolean sortDirection(H2FileSecondaryIndex index, int fixed, Set<String> singleValued,
            Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")) {
            return null;
        }
        List<String> keys = index.keyNames();
        int position = fixed;
        Boolean reverse = null;
        for (Map.Entry<String, Object> sortKey : orderBy.entrySet()) {
            if (singleValued.contains(sortKey.getKey())) {
                continue;
            }
            if (position >= keys.size() || !keys.get(position).equals(sortKey.getKey())
                    || !(sortKey.getValue() instanceof Number direction)) {
                return null;
            }
            // The entries are kept ascending on every key, whatever direction the index declares.
            boolean against = direction.intValue() < 0;
            if (reverse != null && reverse != against) {
                return null;
            }
            reverse = against;
            position++;
        }
        if (reverse == null) {
            // Sorted by fixed keys only: every match ties, and a scan keeps them in _id order.
            return null;
        }
        return reverse && !orderBy.containsKey("_id") ? null : reverse;
    }

    /** The positions of the candidates: in sort order when {@link #ordered()}, else in the documents' own order. */
    Iterator<Object> positions(Comparator<Object> documentOrder) {
        if (ordered) {
            return new MergedRuns();
        }
        Collection<Object> found = index.isMultikey() ? new HashSet<>() : new ArrayList<>();
        for (List<Object> run : runs) {
            Cursor<KeyValue, Object> cursor = cursor(run);
            while (cursor.hasNext()) {
                KeyValue entry = cursor.next();
                if (passesKeyFilters(entry)) {
                    found.add(position(entry));
                }
            }
        }
        List<Object> positions = found instanceof List<Object> list ? list : new ArrayList<>(found);
        positions.sort(documentOrder);
        return positions.iterator();
    }

    /** True when the entry's values of the keys after the bounds meet the query's equality conditions on them. */
    private boolean passesKeyFilters(KeyValue entry) {
        for (Map.Entry<Integer, List<Object>> filter : keyFilters.entrySet()) {
            KeyValue value = new KeyValue(entry.get(filter.getKey()));
            if (filter.getValue().stream()
                    .noneMatch(wanted -> index.keyType().compare(new KeyValue(wanted), value) == 0)) {
                return false;
            }
        }
        return true;
    }

    /** How many entries the runs hold: at least the candidates {@link #positions} gives. */
    long candidates() {
        long candidates = 0;
        for (List<Object> run : runs) {
            candidates += index.rank(upper(run)) - index.rank(lower(run));
        }
        return candidates;
    }

    /** The number of matches; only when {@link #covered()}. */
    long count() {
        long count = 0;
        for (List<Object> run : runs) {
            if (range == null) {
                count += index.rank(upper(run)) - index.rank(lower(run));
            } else {
                Cursor<KeyValue, Object> cursor = cursor(run);
                while (cursor.hasNext()) {
                    if (MATCHER.matchesValue(range, cursor.next().get(fixedKeys))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private Cursor<KeyValue, Object> cursor(List<Object> run) {
        return index.cursor(lower(run), upper(run), reverse);
    }

    private static Object position(KeyValue entry) {
        return entry.get(entry.size() - 1);
    }

    /*
     * Sentinels, never stored: MinKey sorts before and MaxKey after every stored value, and a key that stops at a
     * value sorts before every entry that continues it.
     */
    private KeyValue lower(List<Object> run) {
        List<Object> key = new ArrayList<>(run);
        Object bound = range == null ? null : firstOf(range, "$gte", "$gt");
        if (bound == null) {
            key.add(MinKey.getInstance());
        } else {
            key.add(normalized(bound));
            if (range.containsKey("$gt") && !range.containsKey("$gte")) {
                key.add(MaxKey.getInstance());
            }
        }
        return new KeyValue(key);
    }

    private KeyValue upper(List<Object> run) {
        List<Object> key = new ArrayList<>(run);
        Object bound = range == null ? null : firstOf(range, "$lte", "$lt");
        if (bound == null) {
            key.add(MaxKey.getInstance());
        } else {
            key.add(normalized(bound));
            if (range.containsKey("$lte")) {
                key.add(MaxKey.getInstance());
            }
        }
        return new KeyValue(key);
    }

    /** With both of a pair (as {@code $gt} and {@code $gte}) the wider is taken: the check does the rest. */
    private static Object firstOf(Document range, String wider, String narrower) {
        if (range.containsKey(wider)) {
            return range.get(wider);
        }
        return range.get(narrower);
    }

    /** The runs' entries merged in the order of the keys after the fixed ones (then position), or its reverse. */
    private final class MergedRuns implements Iterator<Object> {

        private final PriorityQueue<Head> heads;

        MergedRuns() {
            Comparator<KeyValue> order = (a, b) -> index.keyType().compareFrom(a, b, fixedKeys);
            Comparator<Head> byKey = Comparator.comparing(head -> head.key, reverse ? order.reversed() : order);
            heads = new PriorityQueue<>(Math.max(1, runs.size()), byKey);
            for (List<Object> run : runs) {
                advance(cursor(run));
            }
        }

        private void advance(Cursor<KeyValue, Object> cursor) {
            while (cursor.hasNext()) {
                KeyValue entry = cursor.next();
                if (passesKeyFilters(entry)) {
                    heads.add(new Head(entry, cursor));
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Object next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            Object position = position(head.key);
            advance(head.cursor);
            return position;
        }
    }

    private record Head(KeyValue key, Cursor<KeyValue, Object> cursor) {
    }

    /**
     * One field's condition: equality values (one, or an $in list), or a range, or neither (left to the check).
     * {@code exact} when the bounds are the whole condition; {@code prefix} when the range is a regular expression's,
     * which one value must meet on both sides; {@code choices} the bounds of each element of an {@code $all}.
     */
    private record Condition(List<Object> values, Document range, boolean exact, boolean prefix,
            List<Condition> choices) {

        static final Condition NONE = new Condition(null, null, false, false, null);

        static Condition equal(List<Object> values) {
            return new Condition(values, null, true, false, null);
        }

        static Condition between(Document range) {
            return new Condition(null, range, true, false, null);
        }

        boolean indexable() {
            return exact && (values != null || range != null);
        }

        boolean bounds() {
            return values != null || range != null;
        }
    }

    /**
     * The conditions on fields, by field, including those inside a top-level {@code $and} (as the drivers' filter
     * builders write them); a field named twice gets no bounds. Null when the query has any other top-level
     * operator, which only the check can apply: the conditions found are still usable for bounds then.
     */
    private static Map<String, Condition> conditions(Document query, boolean[] onlyFields) {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        collect(query, conditions, repeated, onlyFields);
        repeated.forEach(field -> conditions.put(field, Condition.NONE));
        return conditions;
    }

    private static void collect(Document query, Map<String, Condition> conditions, Set<String> repeated,
            boolean[] onlyFields) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document document) {
                        collect(document, conditions, repeated, onlyFields);
                    } else {
                        onlyFields[0] = false;
                    }
                }
            } else if (entry.getKey().startsWith("$")) {
                onlyFields[0] = false;
            } else if (conditions.putIfAbsent(entry.getKey(), condition(entry.getValue())) != null) {
                repeated.add(entry.getKey());
            }
        }
    }

    private static Condition condition(Object value) {
        if (isScalar(value)) {
            return Condition.equal(List.of(normalized(value)));
        }
        Document prefix = PrefixBounds.of(value);
        if (prefix != null) {
            return new Condition(null, prefix, false, true, null);
        }
        if (!(value instanceof Document operators) || operators.isEmpty()) {
            return Condition.NONE;
        }
        if (operators.size() == 1 && operators.containsKey("$eq") && isScalar(operators.get("$eq"))) {
            return Condition.equal(List.of(normalized(operators.get("$eq"))));
        }
        if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> in && !in.isEmpty()
                && in.stream().allMatch(IndexPlan::isScalar)) {
            Set<Object> values = new LinkedHashSet<>();
            in.forEach(element -> values.add(normalized(element)));
            return Condition.equal(List.copyOf(values));
        }
        if (operators.size() == 1 && operators.get("$all") instanceof Collection<?> all) {
            return allOf(all);
        }
        if (RANGE_OPERATORS.containsAll(operators.keySet())
                && operators.values().stream().allMatch(IndexPlan::isScalar)
                && sameBracket(operators.values())) {
            return Condition.between(operators);
        }
        return Condition.NONE;
    }

    /** Every match of {@code $all} meets each element's condition: any one of them bounds it, none is exact. */
    private static Condition allOf(Collection<?> elements) {
        List<Condition> choices = new ArrayList<>();
        for (Object element : elements) {
            if (!isScalar(element) && !(element instanceof BsonRegularExpression)) {
                continue;
            }
            Condition choice = condition(element);
            if (choice.bounds() && choice.choices() == null && choices.size() < MAX_CHOICES) {
                choices.add(new Condition(choice.values(), choice.range(), false, choice.prefix(), null));
            }
        }
        return choices.isEmpty() ? Condition.NONE : new Condition(null, null, false, false, List.copyOf(choices));
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Instant
                || value instanceof ObjectId || value instanceof UUID || value instanceof Integer
                || value instanceof Long || (value instanceof Double d && !d.isNaN());
    }

    /** Bounds of different types would make a range no single run of the index holds. */
    private static boolean sameBracket(Collection<Object> bounds) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Object bound : bounds) {
            types.add(bound instanceof Number ? Number.class : bound.getClass());
        }
        return types.size() == 1;
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }
}
