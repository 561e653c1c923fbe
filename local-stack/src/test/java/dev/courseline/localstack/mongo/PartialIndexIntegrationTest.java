package dev.courseline.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.KeyValue;

import dev.courseline.localstack.support.Ports;

/**
 * Partial indexes of the file store, in the shape of the services' sweeps ("unfinished only"): the index holds just
 * the documents its filter admits, through inserts, updates into and out of the filter, deletes and a restart; every
 * query answers exactly what a scan of the same documents answers; and a query implying the filter is read from the
 * index, one that does not is never.
 */
class PartialIndexIntegrationTest {

    private static final String DATABASE = "courseline-notification";
    private static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Date NOW = Date.from(START.plusSeconds(300));

    @Test
    void indexedAndScannedCollectionsAnswerAlikeThroughWritesAndARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        long[] unfinished = new long[1];
        long[] pending = new long[1];
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> scanned = database.getCollection("scanned");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                documents.add(notification(i));
            }
            // Half before the indexes exist (built from the stored documents), half after (kept on insert).
            indexed.insertMany(copies(documents.subList(0, 200)));
            createPartialIndexes(indexed);
            indexed.insertMany(copies(documents.subList(200, 400)));
            scanned.insertMany(copies(documents));
            assertAlike(indexed, scanned);

            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                // Out of the filters, into them, within them, and gone.
                collection.updateMany(Filters.and(Filters.eq("status", "PENDING"), Filters.lt("nextAttemptAt", NOW)),
                        Updates.combine(Updates.set("status", "SENT"), Updates.unset("unfinished")));
                collection.updateOne(Filters.eq("_id", "n-00003"), Updates.combine(Updates.set("status", "PENDING"),
                        Updates.set("unfinished", "n-00003")));
                collection.updateOne(Filters.eq("_id", "n-00005"), Updates.set("nextAttemptAt", NOW));
                collection.updateOne(Filters.eq("_id", "n-00009"), Updates.set("unfinished", null));
                collection.deleteMany(Filters.eq("status", "FAILED"));
                collection.deleteOne(Filters.eq("_id", "n-00001"));
            }
            assertAlike(indexed, scanned);
            unfinished[0] = scanned.countDocuments(Filters.exists("unfinished"));
            pending[0] = scanned.countDocuments(Filters.eq("status", "PENDING"));
        }

        assertEntries(file, unfinished[0], pending[0]);

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> scanned = database.getCollection("scanned");
            assertAlike(indexed, scanned);
            assertThat(indexed.countDocuments(Filters.exists("unfinished")))
                    .isEqualTo(scanned.countDocuments(Filters.exists("unfinished"))).isPositive();
            // Written after the restart: the filter was read back with the index.
            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                collection.insertOne(notification(1_000));
                collection.updateOne(Filters.eq("_id", "n-00002"), Updates.unset("unfinished"));
            }
            assertAlike(indexed, scanned);
            unfinished[0] = scanned.countDocuments(Filters.exists("unfinished"));
            pending[0] = scanned.countDocuments(Filters.eq("status", "PENDING"));
        }
        assertEntries(file, unfinished[0], pending[0]);
    }

    /** Each partial index holds exactly the documents its filter admits. */
    private static void assertEntries(Path file, long unfinished, long pending) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(entries(store, "indexed", "unfinished_only"))
                    .isEqualTo(unfinished).isPositive();
            assertThat(entries(store, "indexed", "pending_due"))
                    .isEqualTo(pending).isPositive().isLessThan(unfinished);
        }
    }

    @Test
    void aPartialIndexHoldsOnlyWhatItsFilterAdmitsAndServesOnlyQueriesThatImplyIt(@TempDir Path directory) {
        Path file = directory.resolve("courseline.mv");
        try (MongoWireServer server = MongoWireServer.inFile(Ports.freePort(), file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoCollection<Document> notifications = client.getDatabase(DATABASE).getCollection("notifications");
            createPartialIndexes(notifications);
            for (int i = 0; i < 200; i++) {
                notifications.insertOne(notification(i));
            }
        }
        long unfinished;
        long pending;
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            unfinished = entries(store, "notifications", "unfinished_only");
            pending = entries(store, "notifications", "pending_due");
        }

        H2FileBackend backend = new H2FileBackend(file.toString());
        try {
            H2FileCollection notifications = (H2FileCollection) backend.resolveDatabase(DATABASE)
                    .resolveCollection("notifications", true);
            assertThat(unfinished).isEqualTo(notifications.count(query("unfinished", exists(true)), 0, 0))
                    .isLessThan(200);
            assertThat(pending).isEqualTo(notifications.count(query("status", "PENDING"), 0, 0));

            Optional<IndexPlan> sweep = IndexPlan.choose(secondary(notifications),
                    query("unfinished", exists(true)), null, 0);
            assertThat(sweep).hasValueSatisfying(plan -> assertThat(plan.candidates()).isEqualTo(unfinished));
            Optional<IndexPlan> due = IndexPlan.choose(secondary(notifications), query("status", "PENDING")
                    .append("nextAttemptAt", new de.bwaldvogel.mongo.bson.Document("$lte", NOW.toInstant())), null, 0);
            assertThat(due).hasValueSatisfying(plan -> assertThat(plan.candidates()).isLessThan(pending));

            // A relay's batch of markers, more than are merged in order: still one seek each, not the whole index.
            Optional<IndexPlan> batch = IndexPlan.choose(secondary(notifications), query("unfinished",
                    new de.bwaldvogel.mongo.bson.Document("$in", batchOfIds())), null, 0);
            assertThat(batch).hasValueSatisfying(plan -> assertThat(plan.candidates()).isLessThan(unfinished / 2));

            assertThat(IndexPlan.choose(secondary(notifications), query("unfinished", exists(false)), null, 0))
                    .isEmpty();
            assertThat(IndexPlan.choose(secondary(notifications), query("status", "SENT")
                    .append("nextAttemptAt", new de.bwaldvogel.mongo.bson.Document("$lte", NOW.toInstant())), null, 0))
                    .isEmpty();
        } finally {
            backend.close();
        }
    }

    private static long entries(MVStore store, String collection, String index) {
        return store.openMap(DATABASE + "." + collection + "._index_" + index,
                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType())).sizeAsLong();
    }

    private static de.bwaldvogel.mongo.bson.Document query(String field, Object condition) {
        return new de.bwaldvogel.mongo.bson.Document(field, condition);
    }

    private static de.bwaldvogel.mongo.bson.Document exists(boolean exists) {
        return new de.bwaldvogel.mongo.bson.Document("$exists", exists);
    }

    private static List<H2FileSecondaryIndex> secondary(H2FileCollection collection) {
        return collection.getIndexes().stream()
                .filter(H2FileSecondaryIndex.class::isInstance)
                .map(H2FileSecondaryIndex.class::cast)
                .toList();
    }

    /** The notification sweep's marker index, and a due-time index of pending ones only. */
    private static void createPartialIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("unfinished"), new IndexOptions().name("unfinished_only")
                .partialFilterExpression(Filters.exists("unfinished")));
        collection.createIndex(Indexes.ascending("nextAttemptAt"), new IndexOptions().name("pending_due")
                .partialFilterExpression(Filters.eq("status", "PENDING")));
    }

    private static void assertAlike(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        List<Bson> filters = List.of(
                Filters.exists("unfinished"),
                Filters.exists("unfinished", false),
                Filters.and(Filters.exists("unfinished"), Filters.eq("status", "SENDING")),
                Filters.eq("unfinished", "n-00006"),
                Filters.in("unfinished", "n-00006", "n-00010", "n-00400", "nowhere"),
                Filters.in("unfinished", batchOfIds()),
                Filters.eq("unfinished", null),
                Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", NOW)),
                Filters.and(Filters.eq("status", "PENDING"), Filters.gt("nextAttemptAt", NOW)),
                Filters.and(Filters.eq("status", "PENDING"), Filters.exists("unfinished")),
                Filters.and(Filters.in("status", "PENDING", "SENDING"), Filters.lte("nextAttemptAt", NOW)),
                Filters.and(Filters.eq("status", "SENT"), Filters.lte("nextAttemptAt", NOW)),
                Filters.eq("status", "PENDING"),
                Filters.or(Filters.exists("unfinished"), Filters.eq("status", "SENT")),
                new Document());
        List<Bson> sorts = List.of(Sorts.ascending("nextAttemptAt", "_id"), Sorts.descending("unfinished"),
                Sorts.ascending("_id"));
        for (Bson filter : filters) {
            assertThat(indexed.countDocuments(filter)).as("count of %s", filter)
                    .isEqualTo(scanned.countDocuments(filter));
            assertThat(ids(indexed.find(filter))).as("unsorted %s", filter).isEqualTo(ids(scanned.find(filter)));
            for (Bson sort : sorts) {
                assertThat(ids(indexed.find(filter).sort(sort).limit(15)))
                        .as("%s sorted %s", filter, sort).isEqualTo(ids(scanned.find(filter).sort(sort).limit(15)));
            }
        }
    }

    /** Every sixth id of the first 600: 100 values, more than one plan merges. */
    private static List<String> batchOfIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i += 6) {
            ids.add(String.format("n-%05d", i));
        }
        return ids;
    }

    private static List<Object> ids(FindIterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(document -> Document.parse(document.toJson())).toList();
    }

    /** Four statuses in turn; the unfinished ones (PENDING, SENDING) carry the marker, and due times vary. */
    private static Document notification(int i) {
        String id = String.format("n-%05d", i);
        String status = STATUSES.get(i % STATUSES.size());
        Document document = new Document("_id", id).append("status", status)
                .append("createdAt", Date.from(START.plusSeconds(i)));
        if (status.equals("PENDING") || status.equals("SENDING")) {
            document.append("unfinished", id);
        }
        if (i % 11 != 4) {
            document.append("nextAttemptAt", Date.from(START.plusSeconds(7L * (i % 90))));
        }
        return document;
    }
}
