package dev.courseline.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.internet.MimeMessage;
import reactor.util.retry.Retry;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;

/**
 * One sending thread of the {@link Dispatcher}, with its own SMTP connection, kept open while there is work and closed
 * when idle. It takes the work queued so far as one batch, so that claiming costs one round trip to the store per
 * batch; but it records each email as sent the moment the mail server accepts it, so that neither a batch that
 * outlives a lease nor a process killed mid-batch can send again what was already sent (only the one email in flight
 * when the process dies can be). Before each send it checks that the notification's lease still has enough time left;
 * the first that has not stops the batch, and the rest are handed back for the sweep.
 */
final class DispatchWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorker.class);
    private static final long POLL_MILLIS = 200;
    private static final int BATCH_SIZE = 20;
    /** Recording a send is retried this long: the mail server has the email, and an unrecorded send is resent. */
    private static final Retry RECORD_SENT_RETRY = Retry.backoff(8, Duration.ofMillis(200))
            .maxBackoff(Duration.ofSeconds(5));

    private final Dispatcher dispatcher;
    private final NotificationStore store;
    private final String owner;
    private long batches;

    DispatchWorker(Dispatcher dispatcher, String owner) {
        this.dispatcher = dispatcher;
        this.store = dispatcher.store();
        this.owner = owner;
    }

    @Override
    public void run() {
        var mail = dispatcher.mail();
        try (SmtpConnection connection = new SmtpConnection(mail.getSession(), mail.getHost(), mail.getPort(),
                mail.getUsername(), mail.getPassword())) {
            Instant lastUse = dispatcher.clock().instant();
            while (dispatcher.isRunning()) {
                List<Work> batch = dispatcher.nextBatch(BATCH_SIZE, POLL_MILLIS);
                if (batch.isEmpty()) {
                    if (connection.isOpen() && dispatcher.clock().instant()
                            .isAfter(lastUse.plus(dispatcher.settings().idleConnectionClose()))) {
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
                lastUse = dispatcher.clock().instant();
            }
        }
    }

    /**
     * Claims the batch's ids, then sends the notifications one by one over the worker's connection, each only while
     * its lease has enough time left (fresh ones may have waited in the queue, and behind a slow mail server a batch
     * can outlast the lease), recording each outcome as soon as it is known.
     */
    void deliver(List<Work> batch, SmtpConnection connection) {
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
        for (int i = 0; i < toSend.size(); i++) {
            Notification notification = toSend.get(i);
            if (!dispatcher.hasLeaseLeftToSend(notification)) {
                handBack(toSend.subList(i, toSend.size()));
                return;
            }
            send(notification, connection);
        }
    }

    /**
     * The rest of a batch whose time ran out: its leases are released at once so the sweep sends them soon; should
     * that fail, they are sent once the leases run out.
     */
    private void handBack(List<Notification> unsent) {
        log.info("Lease running out: handing back {} notifications of a batch unsent", unsent.size());
        try {
            store.releaseAll(List.copyOf(unsent)).block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("Could not hand back {} notifications; they are sent once their leases run out: {}",
                    unsent.size(), e.getMessage());
        }
    }

    /** Those of {@code ids} this worker could lease, under a token unique to this batch. */
    private List<Notification> claim(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = owner + ":" + (++batches);
        return store.claimAll(ids, token, dispatcher.clock().instant().plus(dispatcher.settings().lease()))
                .collectList().block();
    }

    /** In the trace of the event that asked for it, so that what is logged here carries that trace's ids. */
    private void send(Notification notification, SmtpConnection connection) {
        try (EmailTraces.Send trace = dispatcher.traces().start(notification)) {
            try {
                MimeMessage message = EmailMessages.build(dispatcher.mail().getSession(), notification,
                        dispatcher.sender(), new Date());
                trace.stamp(message);
                connection.send(message);
            } catch (Exception e) {
                trace.failed(e);
                recordFailure(notification, e);
                return;
            }
            dispatcher.metrics().accepted(notification);
            recordSent(notification);
        }
    }

    /** The mail server has it now: try hard to record that, or the lease would run out and resend it. */
    private void recordSent(Notification notification) {
        Boolean recorded = store.markSent(notification, dispatcher.clock().instant())
                .retryWhen(RECORD_SENT_RETRY)
                .block();
        if (!Boolean.TRUE.equals(recorded)) {
            // Erased meanwhile, or (with clocks far apart) released by another instance's sweep.
            log.warn("Notification {} was sent, but its lease {} was no longer held to record it", notification.id(),
                    notification.leaseOwner());
        }
    }

    private void recordFailure(Notification notification, Exception e) {
        Instant failedAt = dispatcher.clock().instant();
        String error = SmtpFailures.describe(e);
        if (SmtpFailures.isPermanent(e)) {
            log.warn("Notification {} refused permanently: {}", notification.id(), error);
            store.markPermanentFailure(notification.id(), notification.leaseOwner(), failedAt, error).block();
        } else {
            int failures = notification.failedAttempts() + 1;
            Instant retryAt = dispatcher.backOff().nextAttempt(failures, failedAt);
            log.info("Notification {} failed (attempt {}), {}: {}", notification.id(), failures,
                    retryAt == null ? "giving up" : "retrying at " + retryAt, error);
            store.markTemporaryFailure(notification.id(), notification.leaseOwner(), failedAt, error, retryAt)
                    .block();
            if (retryAt != null) {
                dispatcher.retryAt(notification.id(), retryAt);
            }
        }
    }
}
