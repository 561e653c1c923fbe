package dev.courseline.notification.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.config.NotificationProperties.Dispatch;
import dev.courseline.notification.metrics.DeliveryMetrics;
import dev.courseline.notification.notification.Lease;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;

/**
 * Sends the recorded notifications, apart from the Kafka consumer so that a slow or absent mail server never stalls
 * it. Fresh notifications reach the workers straight from the consumer, which records them already leased to this
 * dispatcher ({@link #leaseForFresh()}), so a worker sends them from memory: no claim and no read, the store sees
 * only the insert and the update that marks them sent. Ids reach the workers from a timer when a retry's back-off
 * ends, from staff retrying a failed notification, and from a slower sweep of the store for whatever else is due
 * (leases that ran out: a crashed worker's, or those of fresh notifications nobody got to send, here or in an
 * instance that died; retries of an instance that died); a worker claims those under a lease first, so an id queued
 * twice is still sent once. Every send starts only while enough of its lease is left ({@link #leaseLeftToSend}), and
 * its outcome is recorded under that lease as soon as the mail server answers ({@link DispatchWorker}).
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
            DispatchWorker worker = new DispatchWorker(this, instanceId + "/" + i);
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

    /**
     * Waits up to {@code pollMillis} for work, then takes whatever else is already queued, up to {@code max}; empty
     * when there is none or the thread is interrupted.
     */
    List<Work> nextBatch(int max, long pollMillis) {
        try {
            Work first = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
            if (first == null) {
                return List.of();
            }
            List<Work> batch = new ArrayList<>(max);
            batch.add(first);
            queue.drainTo(batch, max - 1);
            batch.stream().filter(Work.Claim.class::isInstance).map(Work::id).forEach(queued::remove);
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return List.of();
        }
    }

    /** Queues a retry when its back-off ends; should this process die first, another instance's sweep finds it. */
    void retryAt(String id, Instant when) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        try {
            sweeper.schedule(() -> submit(id), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // Shutting down: the sweep of the next start picks it up.
        }
    }

    private void sweep() {
        try {
            store.dueIds(clock.instant(), SWEEP_BATCH).doOnNext(this::submit).then().block();
        } catch (RuntimeException e) {
            log.warn("Could not look for due notifications: {}", e.getMessage());
        }
    }

    /** Whether a send may start now: at least half of the lease must be left (see {@link #leaseLeftToSend}). */
    boolean hasLeaseLeftToSend(Notification notification) {
        if (notification.leaseUntil().isBefore(clock.instant().plus(leaseLeftToSend))) {
            log.debug("Not sending notification {} now: its lease runs out at {}, too soon", notification.id(),
                    notification.leaseUntil());
            return false;
        }
        return true;
    }

    NotificationStore store() {
        return store;
    }

    JavaMailSenderImpl mail() {
        return mail;
    }

    Dispatch settings() {
        return settings;
    }

    RetryBackOff backOff() {
        return backOff;
    }

    InternetAddress sender() {
        return sender;
    }

    Clock clock() {
        return clock;
    }

    DeliveryMetrics metrics() {
        return metrics;
    }

    EmailTraces traces() {
        return traces;
    }

    private static InternetAddress parse(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException("courseline.notification.sender is not an email address: " + address, e);
        }
    }
}
