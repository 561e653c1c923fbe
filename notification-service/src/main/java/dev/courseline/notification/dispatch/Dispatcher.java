package dev.courseline.notification.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.config.NotificationProperties.Dispatch;
import dev.courseline.notification.metrics.DeliveryMetrics;
import dev.courseline.notification.notification.Lease;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * Sends the recorded notifications, apart from the Kafka consumer so that a slow or absent mail server never stalls
 * it. Fresh notifications reach the workers straight from the consumer, which records them already leased to this
 * dispatcher ({@link #leaseForFresh()}), so a worker sends them from memory: no claim and no read, the store sees
 * only the insert and the update that marks them sent. Ids reach the workers from a timer when a retry's back-off
 * ends, from staff retrying a failed notification, and from a slower sweep of the store for whatever else is due
 * (leases that ran out: a crashed worker's, or those of fresh notifications nobody got to send, here or in an
 * instance that died; retries of an instance that died); a worker claims those under a lease first, so an id queued
 * twice is still sent once. Every send starts only while enough of its lease is left ({@link #leaseLeftToSend}), and
 * its outcome is recorded only under that lease.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int SWEEP_BATCH = 1000;

    private final NotificationStore store;
    private final JavaMailSenderImpl mail;
    private final Dispatch settings;
    private final RetryBackOff backOff;
    /**
     * How much of its lease a notification must have left for a send to start: the send, bounded by the SMTP
     * timeouts, must be over long before the lease can run out and a sweep (of this instance, or of another whose
     * clock is a little ahead) releases it for another worker. Half the lease is that margin.
     */
    private final Duration leaseLeftToSend;
    private final InternetAddress sender;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final String instanceId = UUID.randomUUID().toString();
    private final EmailTraces traces;

    private final AtomicLong freshLeases = new AtomicLong();

    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    /** The ids waiting in the queue to be claimed, so that one found again by the sweep is not queued twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService sweeper;
    private volatile boolean running;
    /** Set once the first sweep has marked what an earlier version left unfinished; only the sweeper thread uses it. */
    private boolean unfinishedFromBeforeMarked;

    public Dispatcher(NotificationStore store, JavaMailSenderImpl mail, NotificationProperties properties, Clock clock,
            DeliveryMetrics metrics, EmailTraces traces) {
        this.store = store;
        this.mail = mail;
        this.settings = properties.dispatch();
        this.backOff = new RetryBackOff(settings.retry());
        this.leaseLeftToSend = settings.lease().dividedBy(2);
        this.sender = parse(properties.sender());
        this.clock = clock;
        this.metrics = metrics;
        this.traces = traces;
    }

    /**
     * A lease to record an event's fresh notifications with, owned by this dispatcher under a token of their own
     * (the instance id and a counter, like the workers' claims).
     */
    public Lease leaseForFresh() {
        return new Lease(instanceId + "/fresh:" + freshLeases.incrementAndGet(),
                clock.instant().plus(settings.lease()));
    }

    /**
     * Hands over notifications just recorded under a {@link #leaseForFresh()} lease, to be sent as they are. While
     * stopping they are not taken: their lease runs out, and the sweep of this or another instance sends them.
     */
    public void submitLeased(List<Notification> notifications) {
        if (running) {
            notifications.forEach(notification -> queue.add(new Work.Leased(notification)));
        }
    }

    /**
     * Queues a notification to be claimed and sent: a retry whose back-off ended, one the sweep found due, one staff
     * retried.
     */
    public void submit(String notificationId) {
        if (running && queued.add(notificationId)) {
            queue.add(new Work.Claim(notificationId));
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            DispatchWorker worker = new DispatchWorker(instanceId + "/" + i);
            Thread thread = new Thread(worker, "mail-dispatch-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-dispatch-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        // Workers finish the email in hand (an interrupted SMTP exchange could leave it half-sent) and then stop.
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
        releaseLeasedLeftInQueue();
        queue.clear();
        queued.clear();
    }

    private void releaseLeasedLeftInQueue() {
        List<Notification> unsent = queue.stream()
                .filter(Work.Leased.class::isInstance)
                .map(work -> ((Work.Leased) work).notification())
                .toList();
        try {
            store.releaseAll(unsent).block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("Could not hand back {} unsent notifications; they are sent once their leases run out: {}",
                    unsent.size(), e.getMessage());
        }
    }

    /**
     * Below the phase of Spring Cloud Stream's input bindings ({@code Integer.MAX_VALUE - 3000}): the dispatcher is
     * running before the consumer records anything and still running while the consumer stops, so every notification
     * the consumer records under this dispatcher's lease is either sent or handed back.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4000;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Queues a retry when its back-off ends; should this process die first, another instance's sweep finds it. */
    private void retryAt(String id, Instant when) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        try {
            sweeper.schedule(() -> submit(id), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // Shutting down: the sweep of the next start picks it up.
        }
    }

    private void sweep() {
        try {
            if (!unfinishedFromBeforeMarked) {
                long marked = store.markUnfinishedFromBefore().block();
                unfinishedFromBeforeMarked = true;
                if (marked > 0) {
                    log.info("Marked {} unfinished notifications stored by an earlier version for the sweep", marked);
                }
            }
            store.dueIds(clock.instant(), SWEEP_BATCH).doOnNext(this::submit).then().block();
        } catch (RuntimeException e) {
            log.warn("Could not look for due notifications: {}", e.getMessage());
        }
    }

    /** Left unsent, a notification keeps its lease until it runs out; then the sweep brings it back. */
    private boolean hasLeaseLeftToSend(Notification notification) {
        if (notification.leaseUntil().isBefore(clock.instant().plus(leaseLeftToSend))) {
            log.debug("Not sending notification {} now: its lease runs out at {}, too soon", notification.id(),
                    notification.leaseUntil());
            return false;
        }
        return true;
    }

    private static InternetAddress parse(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException("courseline.notification.sender is not an email address: " + address, e);
        }
    }

    /**
     * One sending thread with its own SMTP connection, kept open while there is work and closed when idle. It takes
     * the work queued so far as one batch, so that claiming and recording cost one round trip to the store per batch
     * rather than per email.
     */
    private final class DispatchWorker implements Runnable {

        private static final long POLL_MILLIS = 200;
        private static final int BATCH_SIZE = 20;

        private final String owner;
        private long batches;

        DispatchWorker(String owner) {
            this.owner = owner;
        }

        @Override
        public void run() {
            try (SmtpConnection connection = new SmtpConnection(mail.getSession(), mail.getHost(), mail.getPort(),
                    mail.getUsername(), mail.getPassword())) {
                Instant lastUse = clock.instant();
                while (running) {
                    List<Work> batch = nextBatch();
                    if (batch.isEmpty()) {
                        if (connection.isOpen()
                                && clock.instant().isAfter(lastUse.plus(settings.idleConnectionClose()))) {
                            connection.close();
                        }
                        continue;
                    }
                    try {
                        deliver(batch, connection);
                    } catch (RuntimeException e) {
                        // The store is unreachable: the leases run out and a sweep brings the notifications back.
                        log.warn("Could not dispatch notifications {}: {}", batch.stream().map(Work::id).toList(),
                                e.getMessage());
                    }
                    lastUse = clock.instant();
                }
            }
        }

        /** Waits briefly for work, then takes whatever else is already queued, up to the batch size. */
        private List<Work> nextBatch() {
            try {
                Work first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return List.of();
                }
                List<Work> batch = new ArrayList<>(BATCH_SIZE);
                batch.add(first);
                queue.drainTo(batch, BATCH_SIZE - 1);
                batch.stream().filter(Work.Claim.class::isInstance).map(Work::id).forEach(queued::remove);
                return batch;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return List.of();
            }
        }

        /**
         * Claims the batch's ids, sends each notification that still has enough lease left over the worker's
         * connection (fresh ones may have waited in the queue, and behind a slow mail server a batch can outlast the
         * lease), and records the outcomes.
         */
        private void deliver(List<Work> batch, SmtpConnection connection) {
            List<Notification> toSend = new ArrayList<>(batch.size());
            List<String> toClaim = new ArrayList<>(batch.size());
            for (Work work : batch) {
                if (work instanceof Work.Leased leased) {
                    toSend.add(leased.notification());
                } else {
                    toClaim.add(work.id());
                }
            }
            toSend.addAll(claim(toClaim));
            List<Notification> sent = new ArrayList<>(toSend.size());
            for (Notification notification : toSend) {
                if (hasLeaseLeftToSend(notification) && send(notification, connection)) {
                    sent.add(notification);
                }
            }
            if (!sent.isEmpty()) {
                // The mail server has them now: try hard to record that, or the lease would run out and resend them.
                store.markAllSent(sent, clock.instant())
                        .retryWhen(Retry.backoff(5, Duration.ofMillis(200)))
                        .block();
            }
        }

        /** Those of {@code ids} this worker could lease, under a token unique to this batch. */
        private List<Notification> claim(List<String> ids) {
            if (ids.isEmpty()) {
                return List.of();
            }
            String token = owner + ":" + (++batches);
            return store.claimAll(ids, token, clock.instant().plus(settings.lease())).collectList().block();
        }

        /** In the trace of the event that asked for it, so that what is logged here carries that trace's ids. */
        private boolean send(Notification notification, SmtpConnection connection) {
            try (EmailTraces.Send trace = traces.start(notification)) {
                return send(notification, connection, trace);
            }
        }

        private boolean send(Notification notification, SmtpConnection connection, EmailTraces.Send trace) {
            try {
                MimeMessage message = EmailMessages.build(mail.getSession(), notification, sender, new Date());
                trace.stamp(message);
                connection.send(message);
                metrics.accepted(notification);
                return true;
            } catch (Exception e) {
                trace.failed(e);
                Instant failedAt = clock.instant();
                String error = SmtpFailures.describe(e);
                if (SmtpFailures.isPermanent(e)) {
                    log.warn("Notification {} refused permanently: {}", notification.id(), error);
                    store.markPermanentFailure(notification.id(), notification.leaseOwner(), failedAt, error).block();
                } else {
                    int failures = notification.failedAttempts() + 1;
                    Instant retryAt = backOff.nextAttempt(failures, failedAt);
                    log.info("Notification {} failed (attempt {}), {}: {}", notification.id(), failures,
                            retryAt == null ? "giving up" : "retrying at " + retryAt, error);
                    store.markTemporaryFailure(notification.id(), notification.leaseOwner(), failedAt, error,
                            retryAt).block();
                    if (retryAt != null) {
                        retryAt(notification.id(), retryAt);
                    }
                }
                return false;
            }
        }
    }

    /** What a worker is handed: the id of a notification to claim first, or one recorded already leased to us. */
    private sealed interface Work {

        String id();

        record Claim(String id) implements Work {
        }

        record Leased(Notification notification) implements Work {

            @Override
            public String id() {
                return notification.id();
            }
        }
    }
}
