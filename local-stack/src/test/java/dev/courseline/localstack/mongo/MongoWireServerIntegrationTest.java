package dev.courseline.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;
import dev.courseline.localstack.support.Ports;

@WithLocalStack
class MongoWireServerIntegrationTest {

    @Test
    void aDocumentInsertedThroughTheStackUriIsFound() {
        String id = UUID.randomUUID().toString();
        try (MongoClient client = MongoClients.create(System.getProperty("MONGODB_URI"))) {
            MongoCollection<Document> courses = client.getDatabase("courseline-test").getCollection("courses");
            courses.insertOne(new Document("_id", id).append("title", "Professional Scrum Product Owner"));

            assertThat(courses.find(Filters.eq("_id", id)).first())
                    .containsEntry("title", "Professional Scrum Product Owner");
        }
        assertThat(System.getProperty("MONGODB_URI")).isEqualTo(LocalStack.current().mongoUri("courseline-test"));
    }

    @Test
    void theHelloCommandOfSpringBootsHealthIndicatorIsAnswered() {
        try (MongoClient client = MongoClients.create(System.getProperty("MONGODB_URI"))) {
            Document reply = client.getDatabase("courseline-test").runCommand(new Document("hello", 1));

            assertThat(reply.get("ok")).isEqualTo(1.0);
            assertThat(reply.get("isWritablePrimary")).isEqualTo(true);
            assertThat(reply.get("maxWireVersion")).isNotNull();
        }
    }

    @Test
    void listingDatabasesAnswersFromTheOpenDatabasesWithoutReadingThemAgain(@TempDir Path directory) {
        AtomicInteger opened = new AtomicInteger();
        H2FileBackend backend = new H2FileBackend(directory.resolve("courseline.mv").toString()) {
            @Override
            protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
                opened.incrementAndGet();
                return super.openOrCreateDatabase(databaseName);
            }
        };
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            client.getDatabase("courseline-listing").getCollection("enquiries").insertOne(new Document("_id", "e-1"));

            for (int probe = 1; probe <= 3; probe++) {
                assertThat(listed(client, "courseline-listing")).containsEntry("empty", false);
            }
            assertThat(opened).hasValue(1);
        } finally {
            server.shutdownNow();
        }
    }

    private static Document listed(MongoClient client, String name) {
        return client.listDatabases().into(new ArrayList<>()).stream()
                .filter(database -> name.equals(database.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    @Test
    void aScanThatNoIndexServesFindsEveryMatchWhileWritersKeepWriting(@TempDir Path directory) throws Exception {
        int port = Ports.freePort();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (MongoWireServer server = MongoWireServer.inFile(port, directory.resolve("courseline.mv")).start();
                MongoClient client = MongoClients.create(server.uri("courseline-scan"))) {
            MongoCollection<Document> notifications = client.getDatabase("courseline-scan")
                    .getCollection("notifications");
            notifications.insertMany(IntStream.range(0, 2000)
                    .mapToObj(i -> new Document("_id", "n-" + i).append("status", i % 2 == 0 ? "PENDING" : "SENT")
                            .append("attempts", 0))
                    .toList());
            AtomicBoolean scanning = new AtomicBoolean(true);
            Future<Integer> writes = writer.submit(() -> {
                int done = 0;
                while (scanning.get()) {
                    notifications.updateOne(Filters.eq("_id", "n-" + done % 2000), Updates.inc("attempts", 1));
                    notifications.insertOne(new Document("_id", "w-" + done).append("status", "SENT"));
                    done++;
                }
                return done;
            });

            for (int scan = 1; scan <= 10; scan++) {
                List<Document> pending = notifications.find(Filters.eq("status", "PENDING"))
                        .into(new ArrayList<>());
                assertThat(pending).as("scan %d", scan).hasSize(1000)
                        .allSatisfy(document -> assertThat(document.getString("_id")).startsWith("n-"));
            }
            scanning.set(false);
            int updates = writes.get(30, TimeUnit.SECONDS);

            assertThat(updates).isPositive();
            assertThat(notifications.countDocuments(Filters.regex("_id", "^w-"))).isEqualTo(updates);
            int attempts = notifications.find(Filters.regex("_id", "^n-")).into(new ArrayList<>()).stream()
                    .mapToInt(document -> document.getInteger("attempts")).sum();
            assertThat(attempts).isEqualTo(updates);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void theFileBackedServerKeepsItsDataAcrossARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("data/mongo/courseline.mv");
        String id = UUID.randomUUID().toString();
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-catalogue"))) {
            client.getDatabase("courseline-catalogue").getCollection("courses")
                    .insertOne(new Document("_id", id).append("slug", "pspo"));
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-catalogue"))) {
            Document found = client.getDatabase("courseline-catalogue").getCollection("courses")
                    .find(Filters.eq("_id", id)).first();

            assertThat(found).containsEntry("slug", "pspo");
        }
    }

    @Test
    void uniqueIndexesFindAndGuardEveryKeyAcrossARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            MongoCollection<Document> enquiries = client.getDatabase("courseline-enquiry").getCollection("enquiries");
            enquiries.createIndex(Indexes.ascending("idempotencyKey"), new IndexOptions().unique(true));
            enquiries.createIndex(Indexes.ascending("_id", "owner"), new IndexOptions().unique(true));
            IntStream.range(0, 500).forEach(i -> enquiries.insertOne(enquiry(i)));
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            assertIndexesServeAndGuard(client.getDatabase("courseline-enquiry").getCollection("enquiries"));
        }
    }

    /**
     * What the services' conditional writes rely on now that they keep no (_id, field) indexes: a query naming an
     * _id and other conditions matches that document only when every condition holds, in finds, updates, upserts
     * and find-and-modify alike.
     */
    @Test
    void aQueryNamingAnIdAndMoreMatchesOnlyWhenEveryConditionHolds(@TempDir Path directory) {
        try (MongoWireServer server = MongoWireServer.inFile(Ports.freePort(), directory.resolve("courseline.mv"))
                .start(); MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            MongoCollection<Document> runs = client.getDatabase("courseline-enquiry").getCollection("runs");
            IntStream.range(0, 50).forEach(i -> runs.insertOne(new Document("_id", "run-" + i).append("revision", 3)
                    .append("outbox", new Document("owner", i % 2 == 0 ? "relay-a" : "relay-b"))));

            assertThat(runs.find(Filters.and(Filters.eq("_id", "run-7"), Filters.eq("revision", 3))).first())
                    .containsEntry("_id", "run-7");
            assertThat(runs.find(Filters.and(Filters.eq("_id", "run-7"), Filters.eq("revision", 2))).first()).isNull();
            assertThat(runs.updateOne(Filters.and(Filters.eq("_id", "run-7"), Filters.eq("revision", 2)),
                    Updates.set("revision", 4)).getMatchedCount()).isZero();
            assertThat(runs.updateOne(Filters.and(Filters.eq("_id", "run-7"), Filters.eq("revision", 3)),
                    Updates.set("revision", 4)).getModifiedCount()).isOne();
            assertThat(runs.findOneAndUpdate(Filters.and(Filters.eq("_id", "run-8"), Filters.eq("outbox.owner",
                    "relay-b")), Updates.set("outbox.owner", "relay-c"))).isNull();
            assertThat(runs.findOneAndUpdate(Filters.and(Filters.eq("_id", "run-8"), Filters.eq("outbox.owner",
                    "relay-a")), Updates.set("outbox.owner", "relay-c"))).containsEntry("_id", "run-8");
            runs.updateOne(Filters.and(Filters.eq("_id", "run-99"), Filters.eq("revision", 0)),
                    Updates.set("status", "SCHEDULED"), new UpdateOptions().upsert(true));

            assertThat(runs.find(Filters.eq("revision", 4)).map(found -> found.getString("_id"))
                    .into(new ArrayList<>())).containsExactly("run-7");
            assertThat(runs.find(Filters.eq("outbox.owner", "relay-c")).map(found -> found.getString("_id"))
                    .into(new ArrayList<>())).containsExactly("run-8");
            assertThat(runs.find(Filters.eq("_id", "run-99")).first()).containsEntry("revision", 0)
                    .containsEntry("status", "SCHEDULED");
            assertThat(runs.countDocuments()).isEqualTo(51);
        }
    }

    /** What the notification sweep relies on: the set and unset marker field lists exactly what is unfinished. */
    @Test
    void existsOnAPartialIndexFindsExactlyTheDocumentsHoldingTheFieldAcrossARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-notification"))) {
            MongoCollection<Document> notifications = client.getDatabase("courseline-notification")
                    .getCollection("notifications");
            notifications.createIndex(Indexes.ascending("unfinished"),
                    new IndexOptions().partialFilterExpression(Filters.exists("unfinished")));
            IntStream.range(0, 300).forEach(i -> notifications.insertOne(
                    new Document("_id", "n" + i).append("unfinished", "n" + i).append("status", "PENDING")));
            IntStream.range(0, 300).filter(i -> i % 3 != 0).forEach(i -> notifications.updateOne(
                    Filters.eq("_id", "n" + i), Updates.combine(Updates.set("status", "SENT"),
                            Updates.unset("unfinished"))));
            notifications.updateOne(Filters.eq("_id", "n1"), Updates.set("unfinished", "n1"));
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-notification"))) {
            List<String> unfinished = client.getDatabase("courseline-notification").getCollection("notifications")
                    .find(Filters.exists("unfinished")).map(found -> found.getString("_id"))
                    .into(new ArrayList<>());

            List<String> expected = new ArrayList<>(IntStream.range(0, 300).filter(i -> i % 3 == 0)
                    .mapToObj(i -> "n" + i).toList());
            expected.add("n1");
            assertThat(unfinished).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void indexKeysOfEveryKindStillFindAndGuardAfterARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        List<Object> references = List.of(new ObjectId(), 7, 7.5, 12_000_000_000L, "PSM-7",
                new Date(1_795_000_000_000L),
                new Document("run", "r-1").append("seat", 3), List.of("a", 1));
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            MongoCollection<Document> bookings = client.getDatabase("courseline-enquiry").getCollection("bookings");
            bookings.createIndex(Indexes.ascending("reference", "channel"), new IndexOptions().unique(true));
            for (int i = 0; i < references.size(); i++) {
                bookings.insertOne(new Document("_id", "booking-" + i).append("reference", references.get(i))
                        .append("channel", "web"));
            }
            bookings.insertOne(new Document("_id", "no-reference").append("channel", "web"));
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            MongoCollection<Document> bookings = client.getDatabase("courseline-enquiry").getCollection("bookings");
            for (int i = 0; i < references.size(); i++) {
                Object reference = references.get(i);
                assertThat(bookings.find(Filters.and(Filters.eq("reference", reference), Filters.eq("channel", "web")))
                        .first()).as("found by %s", reference).containsEntry("_id", "booking-" + i);
                assertThatThrownBy(() -> bookings.insertOne(new Document("_id", "again").append("reference", reference)
                        .append("channel", "web"))).as("a second %s", reference)
                        .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCategory())
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            }
            assertThatThrownBy(() -> bookings.insertOne(new Document("_id", "again").append("channel", "web")))
                    .as("a second booking without a reference")
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            bookings.insertOne(new Document("_id", "phone").append("reference", 7).append("channel", "phone"));
            assertThat(bookings.countDocuments()).isEqualTo(references.size() + 2);
        }
    }

    @Test
    void everyValueTypeComesBackAsStoredAfterARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        Document stored = new Document("_id", new ObjectId())
                .append("text", "Priya Shah – Head of Delivery")
                .append("int", 24).append("long", 12_000_000_000L).append("double", 0.25)
                .append("decimal", Decimal128.parse("12000.00")).append("yes", true).append("nothing", null)
                .append("when", new Date(1_795_000_000_000L))
                .append("bytes", new Binary(new byte[]{1, 2, 3}))
                .append("list", List.of("a", 1, new Document("nested", "value")))
                .append("document", new Document("leadId", "lead-1").append("status", "NEW"));
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            client.getDatabase("courseline-enquiry").getCollection("values").insertOne(stored);
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            assertThat(client.getDatabase("courseline-enquiry").getCollection("values").find().first())
                    .isEqualTo(stored);
        }
    }

    @Test
    void aFileInAnotherStorageFormatIsSetAsideAndTheStoreStartsEmpty(@TempDir Path directory) throws Exception {
        int port = Ports.freePort();
        Path file = directory.resolve("courseline.mv");
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        plain.bind("localhost", port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            client.getDatabase("courseline-enquiry").getCollection("enquiries").insertOne(enquiry(1));
        } finally {
            plain.shutdownNow();
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            MongoCollection<Document> enquiries = client.getDatabase("courseline-enquiry").getCollection("enquiries");
            assertThat(enquiries.countDocuments()).isZero();
            enquiries.insertOne(enquiry(2));
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("courseline.mv.other-format-"));
        }
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-enquiry"))) {
            assertThat(client.getDatabase("courseline-enquiry").getCollection("enquiries").countDocuments())
                    .isEqualTo(1);
        }
    }

    private static Document enquiry(int i) {
        return new Document("_id", "enquiry-" + i).append("idempotencyKey", "QUOTE:key-" + i)
                .append("owner", "relay-" + (i % 3)).append("number", i);
    }

    private static void assertIndexesServeAndGuard(MongoCollection<Document> enquiries) {
        for (int i = 0; i < 500; i += 7) {
            assertThat(enquiries.find(Filters.eq("_id", "enquiry-" + i)).first()).containsEntry("number", i);
            assertThat(enquiries.find(Filters.eq("idempotencyKey", "QUOTE:key-" + i)).first())
                    .containsEntry("number", i);
            assertThat(enquiries.find(Filters.and(Filters.eq("_id", "enquiry-" + i),
                    Filters.eq("owner", "relay-" + (i % 3)))).first()).containsEntry("number", i);
            assertThat(enquiries.find(Filters.and(Filters.eq("_id", "enquiry-" + i),
                    Filters.eq("owner", "someone else"))).first()).isNull();
        }
        assertThatThrownBy(() -> enquiries.insertOne(new Document("_id", "another")
                .append("idempotencyKey", "QUOTE:key-250")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> enquiries.insertOne(enquiry(499)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(enquiries.countDocuments()).isEqualTo(500);
    }

    @Test
    void aFileStoreRestartedOnItsPortReadsItsDataBackFromDiskAndItsClientsReconnect(@TempDir Path directory) {
        restartKeepsData(MongoWireServer.inFile(Ports.freePort(), directory.resolve("courseline.mv")));
    }

    @Test
    void anInMemoryStoreRestartedOnItsPortKeepsItsData() {
        restartKeepsData(MongoWireServer.inMemory(Ports.freePort()));
    }

    private static void restartKeepsData(MongoWireServer store) {
        String uri = store.uri("courseline-restart") + "?serverSelectionTimeoutMS=1500&socketTimeoutMS=3000";
        try (MongoWireServer server = store.start(); MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> enrolments = client.getDatabase("courseline-restart").getCollection("enrolments");
            enrolments.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            enrolments.insertOne(new Document("_id", "before").append("email", "grace@example.com"));

            server.stopForRestart();
            assertThatThrownBy(() -> enrolments.find(Filters.eq("_id", "before")).first())
                    .as("a request while the store is down").isInstanceOf(com.mongodb.MongoException.class);
            server.startAfterRestart();

            assertThat(enrolments.find(Filters.eq("_id", "before")).first()).containsEntry("email",
                    "grace@example.com");
            assertThatThrownBy(
                    () -> enrolments.insertOne(new Document("_id", "again").append("email", "grace@example.com")))
                    .as("the unique index after the restart").isInstanceOf(MongoWriteException.class);
            enrolments.insertOne(new Document("_id", "after").append("email", "ada@example.com"));
            assertThat(enrolments.countDocuments()).isEqualTo(2);
        }
    }
}
