package dev.courseline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measurement of "500 concurrent enrolments for 20 seats settled in under 2 s": each round, on a fresh run, the
 * whole crowd's enrolments in flight at once through the running enquiry service, timed from the first send to the
 * last answer; and every answer checked, as a figure for a wrong outcome would be worthless: exactly the seats
 * confirmed, the rest waitlisted at positions 1..n, each once, and the run's stored seats agreeing.
 */
final class EnrolmentBenchmark {

    private static final Duration TARGET = Duration.ofSeconds(2);
    /** How long the enquiry service may take to open a new run, or to publish a round's events. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String ENROLMENT = """
            {"runId":"%s","learner":{"name":"Grace Okafor","email":"%s@load.example"},
             "organisation":"Northwind Logistics","consent":{"privacyNoticeVersion":"2026-09","marketing":false}}""";

    private final EnrolmentSettings settings;
    // The JDK's HTTP/1.1 client opens a connection for every request in flight (it limits none per host), so the
    // whole crowd reaches the server at once, as that many browsers would.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String batch = UUID.randomUUID().toString().substring(0, 8);
    private final CatalogueRuns runs;
    private final MongoCollection<Document> seatsOfRuns;

    private EnrolmentBenchmark(EnrolmentSettings settings, MongoClient mongo) throws Exception {
        this.settings = settings;
        this.runs = new CatalogueRuns(settings, client, json);
        // The enquiry service's own document of each run's seats: read, never written, to know when a run is open
        // (asking the service would take a seat) and to check the seats it stored.
        this.seatsOfRuns = mongo.getDatabase("courseline-enquiry").getCollection("runs");
    }

    static List<String> run(EnrolmentSettings settings) throws Exception {
        List<Round> warmUp = new ArrayList<>();
        List<Round> measured = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
            EnrolmentBenchmark benchmark = new EnrolmentBenchmark(settings, mongo);
            // Fresh runs for the warm-up too: the JIT should see the same path, a run filling up from empty.
            for (int i = 1; i <= settings.warmUpRounds(); i++) {
                warmUp.add(benchmark.round(i));
            }
            for (int i = 1; i <= settings.rounds(); i++) {
                measured.add(benchmark.round(i));
            }
        }

        List<String> lines = new ArrayList<>();
        lines.add(Round.header());
        measured.forEach(round -> lines.add(round.row()));
        lines.add("");
        if (!warmUp.isEmpty()) {
            lines.add("Warm-up rounds (not counted), settled ms: " + warmUp.stream()
                    .map(round -> String.valueOf(round.settledMillis())).collect(Collectors.joining(", ")) + ".");
        }
        measured.stream().filter(round -> round.errors() > 0)
                .forEach(round -> lines.add("Errors in round " + round.number() + ": " + round.errorCauses() + "."));
        List<Long> settled = measured.stream().map(Round::settledMillis).sorted().toList();
        if (!settled.isEmpty()) {
            lines.add(String.format(
                    "Settled, from the first send to the last answer: min %d ms, median %d ms, max %d ms.",
                    settled.get(0), median(settled), settled.get(settled.size() - 1)));
        }
        boolean met = !settled.isEmpty() && settled.get(settled.size() - 1) < TARGET.toMillis()
                && measured.stream().allMatch(Round::ok);
        lines.add("Target: settled in under 2 s: " + (met ? "met" : "not met")
                + " (every measured round under " + TARGET.toMillis() + " ms with its check ok).");
        return lines;
    }

    private Round round(int number) throws Exception {
        int crowd = settings.crowd();
        int seats = settings.seats();
        String runId = runs.scheduledRun(seats);
        // The run reaches the enquiry service through the broker; not part of the figure.
        await("the enquiry service to open run " + runId, () -> {
            Document stored = stored(runId, "status", "seatsLeft");
            return stored != null && List.of("SCHEDULED", "CONFIRMED").contains(stored.getString("status"))
                    && seatsLeft(stored) == seats;
        });

        // Nor should the previous round's emails, still being sent, take CPU from this one.
        Quiet.await(settings.mongoUri(), Duration.ofMinutes(5));

        // Every request built before the clock starts, so the figure is the service's and the network's.
        List<HttpRequest> requests = IntStream.range(0, crowd).mapToObj(i -> enrolment(runId, i)).toList();
        Queue<Long> answeredAfterNanos = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Answer>> answers = new ArrayList<>(crowd);
        long firstSend = System.nanoTime();
        for (HttpRequest request : requests) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                answeredAfterNanos.add(System.nanoTime() - firstSend);
                return new Answer(response, failure);
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        // When half, nine in ten and all of the crowd had their answer: what the learners saw, not only the last one.
        List<Long> answeredMillis = answeredAfterNanos.stream().map(nanos -> nanos / 1_000_000).sorted().toList();
        long halfAnsweredMillis = answeredMillis.get((answeredMillis.size() - 1) / 2);
        long nineInTenAnsweredMillis = answeredMillis.get((answeredMillis.size() * 9 - 1) / 10);
        long settledMillis = answeredMillis.get(answeredMillis.size() - 1);

        int confirmed = 0;
        List<Integer> positions = new ArrayList<>();
        Map<String, Integer> errorCauses = new TreeMap<>();
        for (CompletableFuture<Answer> future : answers) {
            Answer answer = future.join();
            if (answer.failure() != null) {
                Throwable cause = answer.failure() instanceof CompletionException
                        ? answer.failure().getCause()
                        : answer.failure();
                errorCauses.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
            } else if (answer.response().statusCode() / 100 != 2) {
                errorCauses.merge("HTTP " + answer.response().statusCode(), 1, Integer::sum);
            } else {
                JsonNode enrolled = json.readTree(answer.response().body());
                switch (enrolled.path("status").asString()) {
                    case "CONFIRMED" -> confirmed++;
                    case "WAITLISTED" -> positions.add(enrolled.path("waitlistPosition").asInt());
                    default -> {
                        // Neither: the check below fails, as the answers no longer add up to the crowd.
                    }
                }
            }
        }
        int errors = errorCauses.values().stream().mapToInt(Integer::intValue).sum();

        int seated = Math.min(crowd, seats);
        List<String> wrong = new ArrayList<>();
        if (errors > 0) {
            wrong.add(errors + " without an enrolment");
        }
        if (confirmed != seated) {
            wrong.add(confirmed + " confirmed");
        }
        Collections.sort(positions);
        if (!positions.equals(IntStream.rangeClosed(1, crowd - seated).boxed().toList())) {
            wrong.add("waitlist positions not 1.." + (crowd - seated) + " each once");
        }
        Document stored = stored(runId, "seatsLeft", "enrolments");
        if (seatsLeft(stored) != seats - seated) {
            wrong.add("stored " + seatsLeft(stored) + " seats left");
        }
        if (stored.getList("enrolments", Document.class).size() != crowd) {
            wrong.add("stored " + stored.getList("enrolments", Document.class).size() + " enrolments");
        }

        // So that this round's events on their way to the broker do not weigh on the next round; not timed.
        await("the enquiry service to publish the events of run " + runId, () -> {
            List<Document> pending = stored(runId, "pendingEvents").getList("pendingEvents", Document.class);
            return pending == null || pending.isEmpty();
        });
        return new Round(number, crowd, seats, confirmed, positions.size(), errors, halfAnsweredMillis,
                nineInTenAnsweredMillis, settledMillis,
                wrong.isEmpty() ? "ok" : "failed: " + String.join(", ", wrong), errorCauses);
    }

    /** Learner {@code i} on the run: an email of their own, as one learner may hold only one place on a run. */
    private HttpRequest enrolment(String runId, int i) {
        String learner = "enrol-" + batch + "-" + runId.substring(0, Math.min(8, runId.length())) + "-" + i;
        return HttpRequest.newBuilder(URI.create(settings.enquiryUrl() + "/api/enrolments"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", learner)
                .POST(HttpRequest.BodyPublishers.ofString(ENROLMENT.formatted(runId, learner))).build();
    }

    private Document stored(String runId, String... fields) {
        return seatsOfRuns.find(Filters.eq("_id", runId)).projection(Projections.include(fields)).first();
    }

    private static int seatsLeft(Document stored) {
        Number seatsLeft = stored.get("seatsLeft", Number.class);
        return seatsLeft == null ? -1 : seatsLeft.intValue();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting " + PATIENCE.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static long median(List<Long> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private record Answer(HttpResponse<String> response, Throwable failure) {
    }

    /** One measured round; {@code errors} counts requests answered other than 2xx, or not at all. */
    record Round(int number, int crowd, int seats, int confirmed, int waitlisted, int errors,
            long halfAnsweredMillis, long nineInTenAnsweredMillis, long settledMillis, String check,
            Map<String, Integer> errorCauses) {

        boolean ok() {
            return check.equals("ok");
        }

        String row() {
            return String.format("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %s |", number, crowd, seats,
                    confirmed, waitlisted, errors, halfAnsweredMillis, nineInTenAnsweredMillis, settledMillis, check);
        }

        static String header() {
            return "| round | crowd | seats | confirmed | waitlisted | errors | half answered ms | 9 in 10 answered ms "
                    + "| settled ms | check |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|";
        }
    }
}
