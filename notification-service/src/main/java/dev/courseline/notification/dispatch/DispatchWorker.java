package dev.courseline.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.tracing.CurrentTraceContext;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;

/**
 * One sender of the {@link Dispatcher}, with its own SMTP connection, kept open while there is work and closed when
 * idle; it delivers one batch at a time, each send on the dispatcher's SMTP scheduler and everything else on the
 * store's reactive driver. It takes the work queued so far as one batch, so that claiming costs one round trip to the
 * store per batch; but it records each email as sent the moment the mail server accepts it, so that neither a batch
 * that outlives a lease nor a process killed mid-batch can send again what was already sent (only the one email in
 * flight when the process dies can be). Before each send it checks that the notification's lease still has enough
 * time left; the first that has not stops the batch, and the rest are handed back for the sweep.
 */
final class DispatchWorker {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorker.class);
    private static final Duration HAND_BACK_TIMEOUT = Duration.ofSeconds(10);
    /** Recording a send is retried this long: the mail server has the email, and an unrecorded send is resent. */
    private static final Retry RECORD_SENT_RETRY = Retry.backoff(8, Duration.ofMillis(200))
            .maxBackoff(Duration.ofSeconds(5));

    private final Dispatcher dispatcher;
    private final NotificationStore store;
    private final String owner;
    private final SmtpConnection connection;
    private final AtomicLong batches = new AtomicLong();
    /** When the last batch ended; null while the connection is known to be closed. */
    private volatile Instant lastUse;

    DispatchWorker(Dispatcher dispatcher, String owner) {
        this.dispatcher = dispatcher;
        this.store = dispatcher.store();
        this.owner = owner;
        var mail = dispatcher.mail();
        this.connection = new SmtpConnection(mail.getSession(), mail.getHost(), mail.getPort(), mail.getUsername(),
                mail.getPassword());
    }

    /** Delivers a batch over this worker's connection; never fails, since what is left undone has a lease. */
    Mono<Void> deliver(List<Work> batch) {
        return Mono.defer(() -> deliver(batch, connection))
                .onErrorResume(e -> {
                    // The store is unreachable: the leases run out and a sweep brings the notifications back.
                    log.warn("Could not dispatch notifications {}: {}", batch.stream().map(Work::id).toList(),
                            e.getMessage());
                    return Mono.empty();
                })
                .doOnTerminate(() -> lastUse = dispatcher.clock().instant());
    }

    /**
     * Claims the batch's ids, then sends the notifications one by one over {@code connection}, each only while its
     * lease has enough time left (fresh ones may have waited in the queue, and behind a slow mail server a batch can
     * outlast the lease), recording each outcome as soon as it is known.
     */
    Mono<Void> deliver(List<Work> batch, SmtpConnection connection) {
        List<Notification> leased = new ArrayList<>(batch.size());
        List<String> toClaim = new ArrayList<>(batch.size());
        for (Work work : batch) {
            if (work instanceof Work.Leased fresh) {
                leased.add(fresh.notification());
            } else {
                toClaim.add(work.id());
            }
        }
        return claim(toClaim).flatMap(claimed -> {
            List<Notification> toSend = new ArrayList<>(leased);
            toSend.addAll(claimed);
            return sendFrom(toSend, 0, connection);
        });
    }

    /** Whether the connection may be open and no batch has ended since {@code cutoff}. */
    boolean idleSince(Instant cutoff) {
        Instant last = lastUse;
        return last != null && last.isBefore(cutoff);
    }

    /** Closes the connection on the SMTP scheduler, where its sends run; the next send opens a new one. */
    Mono<Void> closeConnection() {
        return Mono.fromRunnable(connection::close).subscribeOn(dispatcher.smtp())
                .doOnSuccess(closed -> lastUse = null)
                .onErrorResume(stopped -> Mono.empty())
                .then();
    }

    /** Sends {@code toSend} from {@code next} on, one after the other, until a lease has too little left. */
    private Mono<Void> sendFrom(List<Notification> toSend, int next, SmtpConnection connection) {
        if (next == toSend.size()) {
            return Mono.empty();
        }
        Notification notification = toSend.get(next);
        if (!dispatcher.hasLeaseLeftToSend(notification)) {
            return handBack(toSend.subList(next, toSend.size()));
        }
        return Mono.fromCallable(() -> send(notification, connection))
                .subscribeOn(dispatcher.smtp())
                .flatMap(this::record)
                .then(Mono.defer(() -> sendFrom(toSend, next + 1, connection)));
    }

    /**
     * The rest of a batch whose time ran out: its leases are released at once so the sweep sends them soon; should
     * that fail, they are sent once the leases run out.
     */
    private Mono<Void> handBack(List<Notification> unsent) {
        log.info("Lease running out: handing back {} notifications of a batch unsent", unsent.size());
        return store.releaseAll(List.copyOf(unsent))
                .timeout(HAND_BACK_TIMEOUT)
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not hand back {} notifications; they are sent once their leases run out: {}",
                            unsent.size(), e.getMessage());
                    return Mono.empty();
                });
    }

    /** Those of {@code ids} this worker could lease, under a token unique to this batch. */
    private Mono<List<Notification>> claim(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        String token = owner + ":" + batches.incrementAndGet();
        return store.claimAll(ids, token, dispatcher.clock().instant().plus(dispatcher.settings().lease()))
                .collectList();
    }

    /**
     * Blocking, on the SMTP scheduler: in the trace of the event that asked for it, so that what is logged here
     * carries that trace's ids.
     */
    private SendOutcome send(Notification notification, SmtpConnection connection) {
        try (EmailTraces.Send trace = dispatcher.traces().start(notification)) {
            try {
                MimeMessage message = EmailMessages.build(dispatcher.mail().getSession(), notification,
                        dispatcher.sender(), new Date());
                trace.stamp(message);
                connection.send(message);
            } catch (Exception e) {
                trace.failed(e);
                return failure(notification, e);
            }
            dispatcher.metrics().accepted(notification);
            return new SendOutcome.Accepted(notification);
        }
    }

    private SendOutcome failure(Notification notification, Exception e) {
        Instant failedAt = dispatcher.clock().instant();
        String error = SmtpFailures.describe(e);
        if (SmtpFailures.isPermanent(e)) {
            log.warn("Notification {} refused permanently: {}", notification.id(), error);
            return new SendOutcome.Refused(notification, failedAt, error);
        }
        int failures = notification.failedAttempts() + 1;
        Instant retryAt = dispatcher.backOff().nextAttempt(failures, failedAt);
        log.info("Notification {} failed (attempt {}), {}: {}", notification.id(), failures,
                retryAt == null ? "giving up" : "retrying at " + retryAt, error);
        return new SendOutcome.Failed(notification, failedAt, error, retryAt);
    }

    private Mono<Void> record(SendOutcome outcome) {
        Notification notification = outcome.notification();
        if (outcome instanceof SendOutcome.Refused refused) {
            return store.markPermanentFailure(notification.id(), notification.leaseOwner(), refused.at(),
                    refused.error()).then();
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return store.markTemporaryFailure(notification.id(), notification.leaseOwner(), failed.at(),
                    failed.error(), failed.retryAt())
                    .doOnSuccess(recorded -> {
                        if (failed.retryAt() != null) {
                            dispatcher.retryAt(notification.id(), failed.retryAt());
                        }
                    })
                    .then();
        }
        return recordSent(notification);
    }

    /** The mail server has it now: try hard to record that, or the lease would run out and resend it. */
    private Mono<Void> recordSent(Notification notification) {
        return store.markSent(notification, dispatcher.clock().instant())
                .retryWhen(RECORD_SENT_RETRY)
                .doOnNext(recorded -> {
                    if (!recorded) {
                        // Erased meanwhile, or (with clocks far apart) released by another instance's sweep.
                        try (CurrentTraceContext.Scope trace = dispatcher.traces().resume(notification)) {
                            log.warn("Notification {} was sent, but its lease {} was no longer held to record it",
                                    notification.id(), notification.leaseOwner());
                        }
                    }
                })
                .then();
    }
}
