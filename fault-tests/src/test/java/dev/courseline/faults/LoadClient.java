package dev.courseline.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends in-house quote requests and enrolments at a steady rate, as many people using the website at once would.
 * Each request has its own Idempotency-Key and its own email address (how its emails are found again), and is sent
 * again with the same key after a refused connection, a timeout, a 5xx, a 429 or a 409 (the key still in progress),
 * until it gets another answer or {@code giveUpAfter} has passed. Every request answered 2xx is recorded. Given more
 * than one enquiry instance, it takes turns between them, and a retry goes to the next one, as a load balancer would.
 */
final class LoadClient implements AutoCloseable {

    enum Kind {
        QUOTE, ENROLMENT
    }

    /** One request a person sent; {@code email} is the contact's or learner's, unique to it. */
    record Request(Kind kind, long sequence, String key, String email, String organisation) {
    }

    /** A request given up on, with what its last attempt got (-1: no answer). */
    record Unanswered(Request request, int lastStatus, int attempts) {
    }

    /** A request answered 2xx, after {@code attempts} sends. */
    record Acknowledged(Request request, int status, int attempts) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private static final String QUOTE = """
            {"organisation":{"name":"%s","country":"GB"},
             "contact":{"name":"Priya Shah","email":"%s","phone":"+44 20 7946 0958","jobTitle":"Head of Delivery"},
             "programme":"in-house","teamSize":24,"deliveryMode":"ONSITE","location":"Manchester",
             "preferredDates":"Two days in the second half of January","budget":{"amount":"12000.00","currency":"GBP"},
             "message":"Mixed team of developers and product people, new to Scrum.",
             "consent":{"privacyNoticeVersion":"2026-09","marketing":false}}""";

    private static final String ENROLMENT = """
            {"runId":"%s","learner":{"name":"Grace Okafor","email":"%s"},
             "organisation":"Northwind Logistics","consent":{"privacyNoticeVersion":"2026-09","marketing":false}}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fault-load");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> enquiryUrls;
    private final String tag;
    private final String runId;
    private final Duration giveUpAfter;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    private final Queue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
    private final List<ScheduledFuture<?>> schedules = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile double perSecond;

    /**
     * @param enquiryUrls the enquiry instances' base URLs
     * @param tag         makes this scenario's keys, names and addresses its own
     * @param runId       the run enrolments go to; null for quote requests only
     */
    LoadClient(List<String> enquiryUrls, String tag, String runId, Duration giveUpAfter) {
        this.enquiryUrls = List.copyOf(enquiryUrls);
        this.tag = tag;
        this.runId = runId;
        this.giveUpAfter = giveUpAfter;
    }

    /** Starts sending {@code quotesPerSecond} quote requests and {@code enrolmentsPerSecond} enrolments a second. */
    LoadClient start(double quotesPerSecond, double enrolmentsPerSecond) {
        every(quotesPerSecond, () -> send(request(Kind.QUOTE)));
        perSecond = quotesPerSecond;
        if (runId != null) {
            every(enrolmentsPerSecond, () -> send(request(Kind.ENROLMENT)));
            perSecond += enrolmentsPerSecond;
        }
        return this;
    }

    /** Sends {@code count} enrolments at once, as a crowd opening a run would. */
    void burstOfEnrolments(int count) {
        for (int i = 0; i < count; i++) {
            send(request(Kind.ENROLMENT));
        }
    }

    /** Sends one more quote request, from a contact with the address given (one a scenario watches). */
    Request sendQuoteFrom(String email) {
        long n = sequence.incrementAndGet();
        Request request = new Request(Kind.QUOTE, n, tag + "-q-" + n, email, "Fault " + tag + " Org " + n);
        send(request);
        return request;
    }

    /** Stops sending new requests; those in flight keep retrying. */
    void stop() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }

    /** Whether every request sent has its final answer (or was given up). */
    boolean settled() {
        return inFlight.get() == 0;
    }

    /** The run its enrolments go to; null for quote requests only. */
    String runId() {
        return runId;
    }

    /** The requests a second this client sends, all kinds together. */
    double perSecond() {
        return perSecond;
    }

    int sent() {
        return sent.get();
    }

    int retries() {
        return retries.get();
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Acknowledged> acknowledged(Kind kind) {
        return acknowledged.stream().filter(answer -> answer.request().kind() == kind).toList();
    }

    /** Requests answered with a 4xx that is not worth sending again, with their status. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    List<Unanswered> unanswered() {
        return List.copyOf(unanswered);
    }

    private void every(double perSecond, Runnable task) {
        if (perSecond <= 0) {
            return;
        }
        long periodMicros = Math.round(1_000_000 / perSecond);
        schedules.add(clock.scheduleAtFixedRate(task, 0, periodMicros, TimeUnit.MICROSECONDS));
    }

    private Request request(Kind kind) {
        long n = sequence.incrementAndGet();
        String prefix = kind == Kind.QUOTE ? "q" : "e";
        String email = prefix + "-" + tag + "-" + n + "@faults.example";
        return new Request(kind, n, tag + "-" + prefix + "-" + n, email, "Fault " + tag + " Org " + n);
    }

    private void send(Request request) {
        sent.incrementAndGet();
        inFlight.incrementAndGet();
        attempt(request, 1, System.nanoTime() + giveUpAfter.toNanos());
    }

    private void attempt(Request request, int attempt, long giveUpAt) {
        http.sendAsync(httpRequest(request, attempt), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    int status = failure == null ? response.statusCode() : -1;
                    if (status >= 200 && status < 300) {
                        acknowledged.add(new Acknowledged(request, status, attempt));
                        inFlight.decrementAndGet();
                    } else if (status >= 400 && status < 500 && status != 409 && status != 429) {
                        refused.add(request.key() + " " + status);
                        inFlight.decrementAndGet();
                    } else if (System.nanoTime() > giveUpAt) {
                        unanswered.add(new Unanswered(request, status, attempt));
                        inFlight.decrementAndGet();
                    } else {
                        retries.incrementAndGet();
                        CompletableFuture.delayedExecutor(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS)
                                .execute(() -> attempt(request, attempt + 1, giveUpAt));
                    }
                    return null;
                });
    }

    private HttpRequest httpRequest(Request request, int attempt) {
        String enquiryUrl = enquiryUrls.get((int) ((request.sequence() + attempt) % enquiryUrls.size()));
        boolean quote = request.kind() == Kind.QUOTE;
        String body = quote
                ? QUOTE.formatted(request.organisation(), request.email())
                : ENROLMENT.formatted(runId, request.email());
        String path = quote ? "/api/enquiries/in-house-quotes" : "/api/enrolments";
        return HttpRequest.newBuilder(URI.create(enquiryUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", request.key())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Override
    public void close() {
        stop();
        clock.shutdownNow();
    }
}
