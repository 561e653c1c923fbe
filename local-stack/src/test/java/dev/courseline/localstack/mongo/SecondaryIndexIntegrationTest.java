package dev.courseline.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
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

import dev.courseline.localstack.support.Ports;

/**
 * Non-unique indexes of the file store: every query answers exactly what a scan of the same documents answers (the
 * same documents, in the same order, the same counts), before and after writes that move documents in an index, and
 * after a restart on the same file; and the inbox's queries are really read from an index.
 */
class SecondaryIndexIntegrationTest {

    private static final String DATABASE = "courseline-enquiry";
    private static final List<String> TEAMS = List.of("americas", "emea", "apac");
    private static final List<String> STATUSES = List.of("NEW", "CONTACTED", "QUOTED", "WON", "LOST");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Date NOW = Date.from(START.plusSeconds(3_600L * 300));

    @Test
    void indexedAndScannedCollectionsAnswerEveryQueryAlikeThroughWritesAndARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> scanned = database.getCollection("scanned");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                documents.add(lead(i));
            }
            // Half before the indexes exist (built from the stored documents), half after (kept on insert).
            indexed.insertMany(copies(documents.subList(0, 300)));
            createInboxIndexes(indexed);
            indexed.insertMany(copies(documents.subList(300, 600)));
            scanned.insertMany(copies(documents));

            assertAlike(indexed, scanned);

            Bson someNew = Filters.and(Filters.eq("lead.team", "emea"), Filters.eq("lead.status", "NEW"));
            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                collection.updateMany(someNew, Updates.set("lead.status", "CONTACTED"));
                collection.updateOne(Filters.eq("_id", "lead-00007"), Updates.set("lead.team", "apac"));
                collection.updateOne(Filters.eq("_id", "lead-00008"), Updates.unset("lead.respondBy"));
                collection.updateOne(Filters.eq("_id", "lead-00009"), Updates.set("lead.respondBy", null));
                collection.updateOne(Filters.eq("_id", "lead-00010"), Updates.set("lead.respondBy", 42));
                collection.deleteMany(Filters.eq("lead.status", "LOST"));
                collection.deleteOne(Filters.eq("_id", "lead-00011"));
            }
            assertAlike(indexed, scanned);
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            assertAlike(database.getCollection("indexed"), database.getCollection("scanned"));
        }
    }

    /**
     * A multikey index (one entry per array element) answers what a scan answers: prefix regexes, $all, equality and
     * ranges on elements (a range two elements meet between them included), with sorts, counts and pages, through
     * updates that add and remove elements and a restart; and the free-text query is read from it.
     */
    @Test
    void aMultikeyIndexAnswersAsAScanThroughElementUpdatesAndARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> scanned = database.getCollection("scanned");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                documents.add(searchable(i));
            }
            indexed.insertMany(copies(documents.subList(0, 200)));
            indexed.createIndex(Indexes.ascending("terms", "team"), new IndexOptions().name("search"));
            indexed.createIndex(Indexes.ascending("team", "rank"), new IndexOptions().name("team_rank"));
            indexed.insertMany(copies(documents.subList(200, 400)));
            scanned.insertMany(copies(documents));

            assertSearchAlike(indexed, scanned);

            // Adding to or pulling from a single string is refused, as MongoDB refuses it.
            Bson arrays = Filters.nin("_id", List.of(31, 62, 93, 124, 155, 186, 217, 248, 279, 310, 341, 372));
            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                collection.updateMany(Filters.and(Filters.eq("team", "emea"), arrays),
                        Updates.addToSet("terms", "okra"));
                collection.updateMany(Filters.and(Filters.eq("rank", 3), arrays), Updates.pull("terms", "okafor"));
                collection.updateOne(Filters.eq("_id", 5), Updates.set("terms", List.of()));
                collection.updateOne(Filters.eq("_id", 6), Updates.set("terms", "okapi"));
                collection.updateOne(Filters.eq("_id", 7), Updates.unset("terms"));
                collection.updateOne(Filters.eq("_id", 8), Updates.push("terms", "okafor"));
                collection.updateOne(Filters.eq("_id", 9), Updates.set("terms", List.of("zed", "zed", "okafor")));
                collection.deleteMany(Filters.eq("rank", 5));
            }
            assertSearchAlike(indexed, scanned);
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            assertSearchAlike(database.getCollection("indexed"), database.getCollection("scanned"));
        }

        H2FileBackend backend = new H2FileBackend(file.toString());
        try {
            H2FileCollection indexed = (H2FileCollection) backend.resolveDatabase(DATABASE)
                    .resolveCollection("indexed", false);
            de.bwaldvogel.mongo.bson.Document freeText = new de.bwaldvogel.mongo.bson.Document("terms",
                    new de.bwaldvogel.mongo.bson.Document("$all", List.of(
                            new de.bwaldvogel.mongo.bson.BsonRegularExpression("^o", ""),
                            new de.bwaldvogel.mongo.bson.BsonRegularExpression("^okaf", ""))))
                    .append("team", "emea");
            List<H2FileSecondaryIndex> search = secondary(indexed).stream()
                    .filter(index -> index.getName().equals("search")).toList();
            Optional<IndexPlan> plan = IndexPlan.choose(search, freeText,
                    new de.bwaldvogel.mongo.bson.Document("rank", 1), 20);
            assertThat(plan).hasValueSatisfying(chosen -> {
                assertThat(chosen.ordered()).isFalse();
                assertThat(chosen.covered()).isFalse();
                // The more selective element bounds it: fewer entries than documents with any term starting "o".
                assertThat(chosen.candidates()).isPositive()
                        .isLessThan(indexed.count(new de.bwaldvogel.mongo.bson.Document("terms",
                                new de.bwaldvogel.mongo.bson.BsonRegularExpression("^o", "")), 0, 0));
            });
            assertThat(search).singleElement().satisfies(index -> assertThat(index.isMultikey()).isTrue());
        } finally {
            backend.close();
        }
    }

    /** An array on two keys of one document, which MongoDB refuses, leaves the index's queries to the scan. */
    @Test
    void parallelArraysLeaveTheIndexsQueriesToTheScan(@TempDir Path directory) {
        try (MongoWireServer server = MongoWireServer.inFile(Ports.freePort(), directory.resolve("courseline.mv"))
                .start(); MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> scanned = database.getCollection("scanned");
            indexed.createIndex(Indexes.ascending("tags", "rank"), new IndexOptions().name("tags_rank"));
            for (int i = 0; i < 60; i++) {
                Object tags = i % 10 == 3 ? List.of("a", "b" + (i % 4)) : "b" + (i % 4);
                Object rank = i == 13 ? List.of(1, 2) : i % 7;
                Document document = new Document("_id", i).append("tags", tags).append("rank", rank);
                indexed.insertOne(document);
                scanned.insertOne(Document.parse(document.toJson()));
            }
            for (Bson filter : List.of(Filters.eq("tags", "b1"), Filters.eq("tags", "a"),
                    Filters.and(Filters.eq("tags", "b3"), Filters.gt("rank", 2)))) {
                assertThat(indexed.countDocuments(filter)).isEqualTo(scanned.countDocuments(filter));
                assertThat(ids(indexed.find(filter).sort(Sorts.descending("rank"))))
                        .isEqualTo(ids(scanned.find(filter).sort(Sorts.descending("rank"))));
            }
        }
    }

    private static void assertSearchAlike(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        List<Bson> filters = List.of(
                Filters.all("terms", Pattern.compile("^oka")),
                Filters.and(Filters.all("terms", Pattern.compile("^oka"), Pattern.compile("^sam")),
                        Filters.eq("team", "emea")),
                Filters.and(Filters.all("terms", Pattern.compile("^o"), Pattern.compile("^okafor")),
                        Filters.in("team", "emea", "apac")),
                Filters.all("terms", Pattern.compile("^seed\\.example")),
                Filters.all("terms", Pattern.compile("^okafor$")),
                Filters.all("terms", Pattern.compile("^ok?a")),
                Filters.regex("terms", Pattern.compile("^OKA", Pattern.CASE_INSENSITIVE)),
                Filters.regex("terms", "^ok|^sa"),
                Filters.regex("terms", "kaf"),
                Filters.regex("terms", "^\u00e9"),
                Filters.all("terms", "okafor", "sam"),
                Filters.eq("terms", "okra"),
                Filters.in("terms", "okapi", "zed"),
                new Document("terms", new Document("$gt", "p").append("$lt", "q")),
                // No one element lies between, but two elements of nearly every document meet a side each.
                new Document("terms", new Document("$gt", "okb").append("$lt", "oka")),
                Filters.and(Filters.eq("team", "emea"), Filters.gte("rank", 2)),
                Filters.size("terms", 0),
                Filters.exists("terms", false));
        List<Bson> sorts = List.of(Sorts.ascending("rank", "_id"), Sorts.descending("_id"), Sorts.ascending("terms"),
                Sorts.descending("terms", "_id"));
        for (Bson filter : filters) {
            assertThat(indexed.countDocuments(filter)).as("count of %s", filter)
                    .isEqualTo(scanned.countDocuments(filter));
            assertThat(ids(indexed.find(filter))).as("unsorted %s", filter).isEqualTo(ids(scanned.find(filter)));
            for (Bson sort : sorts) {
                assertThat(ids(indexed.find(filter).sort(sort)))
                        .as("%s sorted %s", filter, sort).isEqualTo(ids(scanned.find(filter).sort(sort)));
                assertThat(ids(indexed.find(filter).sort(sort).skip(5).limit(7)))
                        .as("%s sorted %s, second page", filter, sort)
                        .isEqualTo(ids(scanned.find(filter).sort(sort).skip(5).limit(7)));
            }
        }
    }

    /**
     * Search terms as the enquiry service keeps them, repeated across documents, some repeated within one, some
     * documents with none, an empty array or a single string; numbers among them where ranges meet two elements.
     */
    private static Document searchable(int i) {
        List<String> surnames = List.of("okafor", "okapi", "smith", "\u00e9lise", "oklahoma");
        List<Object> terms = new ArrayList<>(List.of(i % 3 == 0 ? "sam" : "ada", surnames.get(i % surnames.size()),
                "org" + (i % 11), "seed.example", "n" + i + "@seed.example"));
        if (i % 9 == 0) {
            terms.add(surnames.get(i % surnames.size()));
        }
        if (i % 8 == 1) {
            terms.add("pz");
            terms.add("a");
        }
        Document document = new Document("_id", i).append("team", TEAMS.get(i % TEAMS.size())).append("rank", i % 7);
        if (i % 23 == 0) {
            return document;
        }
        if (i % 29 == 0) {
            return document.append("terms", List.of());
        }
        if (i % 31 == 0) {
            return document.append("terms", "okafor");
        }
        return document.append("terms", terms);
    }

    @Test
    void theInboxQueriesAreReadFromIndexesThatSurviveARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri(DATABASE))) {
            MongoCollection<Document> enquiries = client.getDatabase(DATABASE).getCollection("enquiries");
            for (int i = 0; i < 200; i++) {
                enquiries.insertOne(lead(i));
            }
            createInboxIndexes(enquiries);
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(store.openMap(DATABASE + ".enquiries._index_inbox_team").sizeAsLong()).isEqualTo(200);
        }

        H2FileBackend backend = new H2FileBackend(file.toString());
        try {
            H2FileCollection enquiries = (H2FileCollection) backend.resolveDatabase(DATABASE)
                    .resolveCollection("enquiries", true);
            de.bwaldvogel.mongo.bson.Document inbox = new de.bwaldvogel.mongo.bson.Document("lead.status",
                    new de.bwaldvogel.mongo.bson.Document("$in", STATUSES)).append("lead.team", "americas");
            de.bwaldvogel.mongo.bson.Document soonestFirst = new de.bwaldvogel.mongo.bson.Document("lead.respondBy", 1)
                    .append("_id", 1);

            Optional<IndexPlan> page = IndexPlan.choose(secondary(enquiries), inbox, soonestFirst, 20);
            Optional<IndexPlan> count = IndexPlan.choose(secondary(enquiries), inbox, null, 0);

            assertThat(page).hasValueSatisfying(plan -> assertThat(plan.ordered()).isTrue());
            assertThat(count).hasValueSatisfying(plan -> assertThat(plan.covered()).isTrue());
            assertThat(count.get().count()).isEqualTo(enquiries.count(inbox, 0, 0)).isPositive();
        } finally {
            backend.close();
        }
    }

    private static List<H2FileSecondaryIndex> secondary(H2FileCollection collection) {
        return collection.getIndexes().stream()
                .filter(H2FileSecondaryIndex.class::isInstance)
                .map(H2FileSecondaryIndex.class::cast)
                .toList();
    }

    private static void createInboxIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("lead.team", "lead.status", "lead.respondBy", "_id"),
                new IndexOptions().name("inbox_team"));
        collection.createIndex(Indexes.ascending("lead.status", "lead.respondBy", "_id"),
                new IndexOptions().name("inbox"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("lead.team", "lead.status"),
                Indexes.descending("receivedAt", "_id")), new IndexOptions().name("inbox_team_received"));
        collection.createIndex(Indexes.ascending("organisationKey"), new IndexOptions().name("organisation"));
        collection.createIndex(Indexes.ascending("lead.leadId"),
                new IndexOptions().name("lead_id").unique(true).sparse(true));
        collection.createIndex(Indexes.ascending("lead.respondBy"),
                new IndexOptions().name("respond_by_new").partialFilterExpression(Filters.eq("lead.status", "NEW")));
    }

    private static void assertAlike(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        Bson all = Filters.in("lead.status", STATUSES);
        Bson americas = Filters.eq("lead.team", "americas");
        Bson soonest = Sorts.ascending("lead.respondBy", "_id");
        Bson newest = Sorts.descending("receivedAt", "_id");
        List<Bson> filters = List.of(
                Filters.and(all, americas),
                all,
                Filters.and(Filters.eq("lead.status", "QUOTED"), americas),
                Filters.and(Filters.eq("lead.status", "NEW"), Filters.lt("lead.respondBy", NOW), americas),
                Filters.and(Filters.eq("lead.status", "NEW"), Filters.gte("lead.respondBy", NOW)),
                Filters.and(Filters.eq("lead.status", "WON"), Filters.gt("lead.respondBy", NOW),
                        Filters.lte("lead.respondBy", Date.from(START.plusSeconds(3_600L * 500)))),
                Filters.and(all, americas, Filters.or(Filters.regex("contact.name", Pattern.compile("ok", 2)),
                        Filters.regex("organisation.name", Pattern.compile("3")))),
                Filters.and(all, Filters.eq("kind", "QUOTE")),
                Filters.in("lead.team", "emea", "apac"),
                Filters.eq("lead.team", "nowhere"),
                Filters.eq("organisationKey", "org-7"),
                Filters.eq("organisationKey", null),
                Filters.exists("lead", false),
                Filters.and(Filters.eq("lead.status", "NEW"), Filters.lt("lead.respondBy", 100)),
                new Document());
        List<Bson> sorts = List.of(soonest, Sorts.descending("lead.respondBy", "_id"), newest,
                Sorts.ascending("lead.respondBy"), Sorts.descending("lead.respondBy"), Sorts.ascending("_id"));
        for (Bson filter : filters) {
            assertThat(indexed.countDocuments(filter)).as("count of %s", filter)
                    .isEqualTo(scanned.countDocuments(filter));
            assertThat(indexed.countDocuments(filter, new com.mongodb.client.model.CountOptions().skip(3).limit(5)))
                    .as("count with skip and limit of %s", filter)
                    .isEqualTo(scanned.countDocuments(filter,
                            new com.mongodb.client.model.CountOptions().skip(3).limit(5)));
            assertThat(ids(indexed.find(filter))).as("unsorted %s", filter).isEqualTo(ids(scanned.find(filter)));
            for (Bson sort : sorts) {
                assertThat(ids(indexed.find(filter).sort(sort)))
                        .as("%s sorted %s", filter, sort).isEqualTo(ids(scanned.find(filter).sort(sort)));
                assertThat(ids(indexed.find(filter).sort(sort).skip(20).limit(20)))
                        .as("%s sorted %s, second page", filter, sort)
                        .isEqualTo(ids(scanned.find(filter).sort(sort).skip(20).limit(20)));
            }
        }
    }

    private static List<Object> ids(FindIterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(document -> Document.parse(document.toJson())).toList();
    }

    /**
     * Leads over three teams and five statuses, some respond-by times shared, some missing or null; every 25th
     * enquiry is a duplicate without a lead, every 13th has no organisation key.
     */
    private static Document lead(int i) {
        String id = String.format("lead-%05d", i);
        Document document = new Document("_id", id)
                .append("kind", i % 3 == 0 ? "MEMBERSHIP" : "QUOTE")
                .append("receivedAt", Date.from(START.plusSeconds(60L * (i % 250))))
                .append("contact", new Document("name", (i % 7 == 0 ? "Ada Okafor " : "Sam Smith ") + i))
                .append("organisation", new Document("name", "Org " + i));
        if (i % 13 != 0) {
            document.append("organisationKey", "org-" + (i % 20));
        }
        if (i % 25 == 0) {
            return document.append("duplicateOf", "lead-00001");
        }
        Document lead = new Document("leadId", "L" + id)
                .append("status", STATUSES.get(i % STATUSES.size()))
                .append("team", TEAMS.get((i / 5) % TEAMS.size()));
        if (i % 17 == 1) {
            lead.append("respondBy", null);
        } else if (i % 19 != 2) {
            lead.append("respondBy", Date.from(START.plusSeconds(3_600L * (i % 400))));
        }
        return document.append("lead", lead);
    }
}
