package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Issue 5's measurement: quote requests at a steady rate through the running system, and for each the time from the
 * moment it was due to the moment the mail server accepted its lead email (the notification service records that
 * instant); plus how many lead emails were missing or sent twice.
 */
final class LeadEmailBenchmark {

    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final int QUERY_ATTEMPTS = 10;
    private static final Duration QUIET_AT_MOST = Duration.ofMinutes(10);

    private LeadEmailBenchmark() {
    }

    /**
     * A long scan of the embedded store can meet "Chunk ... not found" while writes go on (H2 drops old chunks a
     * reader still walks); a new scan starts from the current state, so the query is simply asked again.
     */
    private static <T> T retried(Supplier<T> query) {
        for (int attempt = 1;; attempt++) {
            try {
                return query.get();
            } catch (MongoException e) {
                if (attempt == QUERY_ATTEMPTS) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            }
        }
    }

    static List<String> run(Settings settings) {
        String warmUp = warmUp(settings);
        QuoteRequests quotes = new QuoteRequests(settings.enquiryUrl());
        long intervalNanos = (long) (1_000_000_000L / settings.rate());
        long startMillis = System.currentTimeMillis();
        LatencyRecorder.Phase requests = OpenLoop.run(String.format("quote requests at %.0f/s", settings.rate()),
                settings.rate(), settings.duration(), quotes::sendAsync);

        Pattern sequenceInSubject = Pattern.compile(Pattern.quote(quotes.organisationPrefix()) + "(\\d+)");
        try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
            MongoCollection<Document> notifications = mongo.getDatabase("courseline-notification")
                    .getCollection("notifications");
            var leadEmails = Filters.and(Filters.eq("kind", "LEAD_NOTIFICATION"),
                    Filters.regex("content.subject", Pattern.quote(quotes.organisationPrefix())));
            var sent = Filters.and(leadEmails, Filters.eq("status", "SENT"));
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (retried(() -> notifications.countDocuments(sent)) < requests.operations()
                    && System.nanoTime() < deadline) {
                // Each count scans the collection on the embedded store: not too often while dispatch is measured.
                LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
            }
            Histogram latency = new Histogram(3);
            Map<Long, Integer> sentPerRequest = new HashMap<>();
            List<Document> sentLeadEmails = retried(() -> notifications.find(sent)
                    .projection(Projections.include("content.subject", "sentAt")).into(new ArrayList<>()));
            for (Document notification : sentLeadEmails) {
                Matcher matcher = sequenceInSubject
                        .matcher(notification.get("content", Document.class).getString("subject"));
                if (!matcher.find()) {
                    continue;
                }
                long sequence = Long.parseLong(matcher.group(1));
                sentPerRequest.merge(sequence, 1, Integer::sum);
                long dueMillis = startMillis + sequence * intervalNanos / 1_000_000;
                Date sentAt = notification.getDate("sentAt");
                latency.recordValue(Math.max(0, sentAt.getTime() - dueMillis));
            }
            long twice = sentPerRequest.values().stream().filter(count -> count > 1).count();
            long missing = requests.operations() - sentPerRequest.size();
            List<String> lines = new ArrayList<>();
            lines.add(LatencyRecorder.Phase.header());
            lines.add(requests.row());
            lines.add("");
            lines.add(
                    "| lead emails accepted by the mail server | missing | sent twice | p50 ms | p90 ms | p99 ms | max ms |");
            lines.add("|---|---|---|---|---|---|---|");
            lines.add(String.format("| %d | %d | %d | %d | %d | %d | %d |", sentPerRequest.size(), missing, twice,
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(90),
                    latency.getValueAtPercentile(99), latency.getMaxValue()));
            lines.add("");
            lines.add("Latency: from the moment a request was due to the mail server's acceptance of its lead email "
                    + "(target: p99 under 1000 ms, none missing, none twice).");
            lines.add("");
            lines.add(warmUp);
            return lines;
        }
    }

    /**
     * The target is about a running system: a stack started moments before answers its first half minute slowly
     * (classes loading, code being compiled), which a measured window must not include. So the same load first
     * runs for {@code warmup}, under organisation names of its own, and the measurement starts once the notification
     * service has sent everything that load caused.
     */
    private static String warmUp(Settings settings) {
        if (settings.warmUp().isZero()) {
            return "No warm-up: measured from however warm the stack was.";
        }
        QuoteRequests warmUpQuotes = new QuoteRequests(settings.enquiryUrl());
        LatencyRecorder.Phase warmUp = OpenLoop.run("warm-up", settings.rate(), settings.warmUp(),
                warmUpQuotes::sendAsync);
        Duration waited = Quiet.await(settings.mongoUri(), QUIET_AT_MOST);
        return String.format("Warm-up, not counted: %d quote requests at %.0f/s for %d s (%d refused, p99 %.0f ms), "
                + "then %d s until the notification service had no email left to send.",
                warmUp.operations() + warmUp.errors(), settings.rate(), settings.warmUp().toSeconds(), warmUp.errors(),
                warmUp.p99(), waited.toSeconds());
    }
}
