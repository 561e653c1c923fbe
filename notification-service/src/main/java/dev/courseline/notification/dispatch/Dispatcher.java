package dev.courseline.notification.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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
 * its outcome is recorded under that lease as soon as the mail server answers ({@link DispatchWorker}). All of it is
 * reactive: only Jakarta Mail's sends block, on an SMTP scheduler with one thread per worker, so as many emails go
 * out at once as there are workers.
 */
@Component
public class Dispatcher implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int SWEEP_BATCH = 1000;
    private static final int BATCH_SIZE = 20;
    /** How often the workers' connections are checked for having been idle {@code idleConnectionClose}. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);
    /** How long stopping waits for the workers to finish the batches in hand. */
    private static final Duration WORKERS_FINISH = Duration.ofSeconds(15);
    private static final Duration HAND_BACK_TIMEOUT = Duration.ofSeconds(10);

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

    /** Where the blocking sends run, one thread per worker; it outlives a stop, for the workers still finishing. */
    private final Scheduler smtp;
    /** The sweep, the retries' back-off and the idle-connection check; one per start. */
    private volatile Scheduler timers;
    private volatile Disposable timerRuns = Disposables.disposed();
    private volatile WorkQueue work;
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
        this.smtp = newSmtpScheduler();
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
            work.addLeased(notifications);
        }
    }

    /**
     * Queues a notification to be claimed and sent: a retry whose back-off ended, one the sweep found due, one staff
     * retried.
     */
    public void submit(String notificationId) {
        if (running) {
            work.addClaim(notificationId);
        }
    }

    @Override
    public synchronized void start() {
        timers = Schedulers.newSingle("mail-dispatch-sweep", true);
        WorkQueue started = new WorkQueue(BATCH_SIZE, IntStream.range(0, settings.workers())
                .mapToObj(i -> new DispatchWorker(this, instanceId + "/" + i)).toList());
        work = started;
        running = true;
        Disposable sweeps = Mono.defer(this::sweep)
                .then(Mono.delay(settings.sweepInterval(), timers))
                .repeat()
                .subscribe();
        Disposable idleChecks = Flux.interval(IDLE_CHECK, timers)
                .subscribe(tick -> started.closeIdleConnections(clock.instant().minus(settings.idleConnectionClose())));
        timerRuns = Disposables.composite(sweeps, idleChecks);
    }

    /** Stops without waiting: {@link #stop(Runnable)} says when the workers are done and the leases handed back. */
    @Override
    public void stop() {
        stop(() -> {
        });
    }

    /**
     * Workers finish the batch in hand (an interrupted SMTP exchange could leave an email half-sent) and close their
     * connections; then the leases of what this dispatcher was handed but did not send go back in one bulk write, so
     * the next start sends those at once instead of after their lease.
     */
    @Override
    public synchronized void stop(Runnable callback) {
        running = false;
        timerRuns.dispose();
        if (timers != null) {
            timers.dispose();
        }
        WorkQueue stopping = work;
        Mono<Void> workersDone = stopping == null ? Mono.empty() : stopping.close();
        workersDone.timeout(WORKERS_FINISH)
                .onErrorResume(late -> {
                    log.warn("Workers still sending after {}; stopping without them", WORKERS_FINISH);
                    return Mono.empty();
                })
                .then(Mono.defer(() -> stopping == null ? Mono.empty() : handBack(stopping.takeLeftLeased())))
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    /** After the last stop: a send still going (past {@link #WORKERS_FINISH}) may finish, nothing new starts. */
    @Override
    public void destroy() {
        smtp.disposeGracefully().subscribe(null, ignored -> {
        });
    }

    private Mono<Void> handBack(List<Notification> unsent) {
        return store.releaseAll(unsent)
                .timeout(HAND_BACK_TIMEOUT)
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not hand back {} unsent notifications; they are sent once their leases run out: {}",
                            unsent.size(), e.getMessage());
                    return Mono.empty();
                });
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
    void retryAt(String id, Instant when) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        Scheduler timer = timers;
        try {
            if (timer != null) {
                timer.schedule(() -> submit(id), delay, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            // Shutting down: the sweep of the next start picks it up.
        }
    }

    /** One sweep; a failure is logged and the next sweep tries again. */
    private Mono<Void> sweep() {
        return store.dueIds(clock.instant(), SWEEP_BATCH)
                .doOnNext(this::submit)
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not look for due notifications: {}", e.getMessage());
                    return Mono.empty();
                });
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

    Scheduler smtp() {
        return smtp;
    }

    /** Threads made as sends need them, at most one per worker (one for a test's lone worker), daemons like theirs. */
    private Scheduler newSmtpScheduler() {
        return Schedulers.newBoundedElastic(Math.max(1, settings.workers()),
                Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "mail-dispatch", 60, true);
    }

    private static InternetAddress parse(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException("courseline.notification.sender is not an email address: " + address, e);
        }
    }
}
