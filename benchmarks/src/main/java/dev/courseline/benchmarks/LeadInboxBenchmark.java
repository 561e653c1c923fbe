package dev.courseline.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "With 100,000 leads in the store the inbox answers in under 300 ms": seeds the running stack's enquiry store up to
 * {@code leads} leads ({@link LeadSeeder}), then asks {@code GET /api/leads} with each of the console's typical
 * filters, one request at a time, after a warm-up, and writes p50/p99 per filter to
 * {@code benchmarks/results/lead-inbox-<time>.md}, replacing the earlier result. For where the time goes, the same
 * filter is then asked of the store directly (the count and the page of 20, as the service asks them), without the
 * service. Run: {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*"
 * dev.courseline.benchmarks.LeadInboxBenchmark [-Dleads=100000 -Drequests=40 -Dwarmup.requests=10]}.
 */
public final class LeadInboxBenchmark {

    private static final double TARGET_MS = 300;
    private static final String SURNAME = "okafor";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One filter of the console: who asks, the query string, and the same filter as the store is asked it. */
    private record Filter(String name, String user, String query, Bson store, Bson order) {
    }

    private LeadInboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LeadInboxSettings settings = LeadInboxSettings.fromSystemProperties();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> report = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
            MongoCollection<Document> enquiries = mongo.getDatabase("courseline-enquiry").getCollection("enquiries");
            long seedStarted = System.nanoTime();
            long seeded = new LeadSeeder(enquiries, settings, http).seed();
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStarted);
            long leads = enquiries.estimatedDocumentCount();
            Map<String, String> tokens = Map.of("sam", token(http, settings, "sam"), "ada", token(http, settings,
                    "ada"));

            report.add(
                    String.format(Locale.ROOT, "Store: %,d enquiries, nearly all leads (%,d seeded by this run in %d s,"
                            + " bulk inserts of 1,000).", leads, seeded, seeding.toSeconds()));
            report.add("");
            report.add("`GET /api/leads`, one request at a time (target: p99 under " + (int) TARGET_MS + " ms):");
            report.add("");
            report.add("| filter | as | query | total | p50 ms | p99 ms | max ms | under target |");
            report.add("|---|---|---|---|---|---|---|---|");
            List<Filter> filters = filters();
            for (Filter filter : filters) {
                report.add(measureApi(http, settings, tokens.get(filter.user()), filter));
                System.out.println(report.get(report.size() - 1));
            }
            report.add("");
            report.add("The same filters asked of the store directly (what the service asks it: the count, then the "
                    + "page of 20 in order), one after the other:");
            report.add("");
            report.add("| filter | count p50 ms | count p99 ms | page p50 ms | page p99 ms |");
            report.add("|---|---|---|---|---|");
            for (Filter filter : filters) {
                report.add(measureStore(enquiries, settings, filter));
                System.out.println(report.get(report.size() - 1));
            }
        }
        write(settings, report);
        System.exit(0);
    }

    /** The console's typical asks; sam is SALES in team emea, ada is ADMIN. */
    private static List<Filter> filters() {
        Instant now = Instant.now();
        Bson every = Filters.in("lead.status", "NEW", "CONTACTED", "QUOTED", "WON", "LOST");
        Bson emea = Filters.eq("lead.team", "emea");
        Bson soonest = Sorts.ascending("lead.respondBy", "_id");
        // What the service asks for free text: every word typed starts one of the lead's search terms.
        Bson surname = Filters.all("searchTerms", Pattern.compile("^" + SURNAME));
        return List.of(
                new Filter("default inbox: own team, soonest reply first", "sam", "", Filters.and(every, emea),
                        soonest),
                new Filter("default inbox: every team", "ada", "", every, soonest),
                new Filter("team and status", "sam", "team=americas&status=QUOTED",
                        Filters.and(Filters.eq("lead.status", "QUOTED"), Filters.eq("lead.team", "americas")),
                        soonest),
                new Filter("overdue, own team", "sam", "overdue=true", Filters.and(Filters.eq("lead.status", "NEW"),
                        Filters.lt("lead.respondBy", now), emea), soonest),
                new Filter("free text (a surname), own team", "sam", "q=" + SURNAME,
                        Filters.and(every, emea, surname), soonest),
                new Filter("free text (a surname), every team", "ada", "q=" + SURNAME, Filters.and(every, surname),
                        soonest),
                new Filter("newest first, own team", "sam", "sort=receivedAt", Filters.and(every, emea),
                        Sorts.descending("receivedAt", "_id")));
    }

    private static String measureApi(HttpClient http, LeadInboxSettings settings, String token, Filter filter)
            throws Exception {
        URI uri = URI.create(settings.enquiryUrl() + "/api/leads" + (filter.query().isEmpty()
                ? ""
                : "?" + encode(filter.query())));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(settings.timeout()).GET().build();
        Histogram histogram = new Histogram(3);
        long total = -1;
        for (int i = 0; i < settings.warmUpRequests() + settings.measuredRequests(); i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - started) / 1_000;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
            }
            if (i >= settings.warmUpRequests()) {
                histogram.recordValue(micros);
            }
            total = JSON.readTree(answer.body()).path("total").asLong();
        }
        double p99 = histogram.getValueAtPercentile(99) / 1000.0;
        return String.format(Locale.ROOT, "| %s | %s | `%s` | %,d | %.1f | %.1f | %.1f | %s |", filter.name(),
                filter.user(), filter.query().isEmpty() ? "(none)" : filter.query(), total,
                histogram.getValueAtPercentile(50) / 1000.0, p99, histogram.getMaxValue() / 1000.0,
                p99 < TARGET_MS ? "yes" : "no");
    }

    private static String measureStore(MongoCollection<Document> enquiries, LeadInboxSettings settings,
            Filter filter) {
        Histogram counts = new Histogram(3);
        Histogram pages = new Histogram(3);
        int rounds = Math.max(5, settings.measuredRequests() / 4);
        for (int i = 0; i < rounds + 2; i++) {
            long started = System.nanoTime();
            enquiries.countDocuments(filter.store());
            long counted = System.nanoTime();
            enquiries.find(filter.store()).sort(filter.order()).limit(20).into(new ArrayList<>());
            long paged = System.nanoTime();
            if (i >= 2) {
                counts.recordValue((counted - started) / 1_000);
                pages.recordValue((paged - counted) / 1_000);
            }
        }
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |", filter.name(),
                counts.getValueAtPercentile(50) / 1000.0, counts.getValueAtPercentile(99) / 1000.0,
                pages.getValueAtPercentile(50) / 1000.0, pages.getValueAtPercentile(99) / 1000.0);
    }

    private static String encode(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            encoded.append(encoded.isEmpty() ? "" : "&").append(parts[0]).append('=')
                    .append(URLEncoder.encode(parts[1], StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    private static String token(HttpClient http, LeadInboxSettings settings, String user) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(settings.identityUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        return body.path("access_token").asString();
    }

    private static void write(LeadInboxSettings settings, List<String> figures) throws IOException {
        Instant finished = Instant.now();
        List<String> report = new ArrayList<>();
        report.add("# lead-inbox benchmark, " + finished);
        report.add("");
        report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + ".");
        report.add("Settings: " + settings.describe() + ".");
        report.add("");
        report.addAll(figures);
        Path results = Path.of("benchmarks", "results");
        Path file = results.resolve("lead-inbox-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(finished) + ".md");
        Files.createDirectories(results);
        Files.write(file, report);
        // The project keeps this benchmark's latest result, not a diary of them.
        try (Stream<Path> earlier = Files.list(results)) {
            for (Path old : earlier.filter(path -> !path.equals(file))
                    .filter(path -> path.getFileName().toString().matches("lead-inbox-\\d{8}-\\d{6}\\.md")).toList()) {
                Files.delete(old);
            }
        }
        report.forEach(System.out::println);
        System.out.println("\nwritten to " + file);
    }
}
