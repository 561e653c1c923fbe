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

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.config.NotificationProperties.Dispatch;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * Sends the recorded notifications, apart from the Kafka consumer so that a slow or absent mail server never stalls
 * it. Ids reach the workers straight from the consumer when it records a notification, from a timer when a retry's
 * back-off ends, and from a slower sweep of the store for whatever else is due (leases a crashed worker left behind,
 * retries and notifications of an instance that died). A worker sends only what it claimed under a lease, so an id
 * queued twice is still sent once.
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
    private final String instanceId = UUID.randomUUID().toString();

    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService sweeper;
    private volatile boolean running;
    /** Set once the first sweep has marked what an earlier version left unfinished; only the sweeper thread uses it. */
    private boolean unfinishedFromBeforeMarked;

    public Dispatcher(NotificationStore store, JavaMailSenderImpl mail, NotificationProperties properties, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.settings = properties.dispatch();
        this.backOff = new RetryBackOff(settings.retry());
        this.leaseLeftToSend = settings.lease().dividedBy(2);
        this.sender = parse(properties.sender());
        this.clock = clock;
    }

    /** Hands a freshly recorded notification to the workers without waiting for the next sweep. */
    public void submit(String notificationId) {
        if (running && queued.add(notificationId)) {
            queue.add(notificationId);
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
        queue.clear();
        queued.clear();
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
     * the ids queued so far as one batch, so that claiming and recording cost one round trip to the store per batch
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
                    List<String> ids = nextBatch();
                    if (ids.isEmpty()) {
                        if (connection.isOpen()
                                && clock.instant().isAfter(lastUse.plus(settings.idleConnectionClose()))) {
                            connection.close();
                        }
                        continue;
                    }
                    try {
                        deliver(ids, connection);
                    } catch (RuntimeException e) {
                        // The store is unreachable: the leases run out and a sweep brings the notifications back.
                        log.warn("Could not dispatch notifications {}: {}", ids, e.getMessage());
                    }
                    lastUse = clock.instant();
                }
            }
        }

        /** Waits briefly for work, then takes whatever else is already queued, up to the batch size. */
        private List<String> nextBatch() {
            try {
                String first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return List.of();
                }
                List<String> ids = new ArrayList<>(BATCH_SIZE);
                ids.add(first);
                queue.drainTo(ids, BATCH_SIZE - 1);
                ids.forEach(queued::remove);
                return ids;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return List.of();
            }
        }

        /**
         * Claims the batch, sends each that still has enough lease left over the worker's connection (behind a slow
         * mail server, a batch can outlast the lease), and records the outcomes.
         */
        private void deliver(List<String> ids, SmtpConnection connection) {
            Instant now = clock.instant();
            String token = owner + ":" + (++batches);
            List<Notification> claimed = store.claimAll(ids, token, now.plus(settings.lease()))
                    .collectList().block();
            List<Notification> sent = new ArrayList<>(claimed.size());
            for (Notification notification : claimed) {
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

        private boolean send(Notification notification, SmtpConnection connection) {
            try {
                connection.send(EmailMessages.build(mail.getSession(), notification, sender, new Date()));
                return true;
            } catch (Exception e) {
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
}
