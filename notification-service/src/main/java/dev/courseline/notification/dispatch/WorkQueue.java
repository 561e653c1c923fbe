package dev.courseline.notification.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.courseline.notification.notification.Notification;

/**
 * The work waiting for one start of the dispatcher, and its workers: whenever work is queued and a worker is free,
 * that worker takes what is queued, up to a batch, and hands itself back when the batch is done. Nothing polls or
 * waits: work queued while every worker is busy is taken by the first worker to finish.
 */
final class WorkQueue {

    private final int batchSize;
    private final List<DispatchWorker> workers;
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    /** The ids waiting in the queue to be claimed, so that one found again by the sweep is not queued twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Queue<DispatchWorker> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retired = new AtomicInteger();
    private final Sinks.Empty<Void> allRetired = Sinks.empty();
    private volatile boolean open = true;

    WorkQueue(int batchSize, List<DispatchWorker> workers) {
        this.batchSize = batchSize;
        this.workers = List.copyOf(workers);
        free.addAll(this.workers);
    }

    /** Notifications recorded already leased to the dispatcher, sent as they are. */
    void addLeased(List<Notification> notifications) {
        notifications.forEach(notification -> queue.add(new Work.Leased(notification)));
        pump();
    }

    /** An id to claim before sending, unless it is queued already. */
    void addClaim(String notificationId) {
        if (queued.add(notificationId)) {
            queue.add(new Work.Claim(notificationId));
            pump();
        }
    }

    /**
     * Closes the connection of each free worker whose last batch ended before {@code cutoff}; a worker is taken out of
     * the free ones while it closes, so no batch can start on the connection being closed.
     */
    void closeIdleConnections(Instant cutoff) {
        for (DispatchWorker worker : workers) {
            if (worker.idleSince(cutoff) && free.remove(worker)) {
                worker.closeConnection().doFinally(signal -> giveBack(worker)).subscribe();
            }
        }
    }

    /**
     * Stops handing out work: each worker closes its connection as soon as it is free, those in a batch once it is
     * done. Completes when every worker has; what is still queued stays for {@link #takeLeftLeased()}.
     */
    Mono<Void> close() {
        open = false;
        retireFree();
        if (workers.isEmpty()) {
            allRetired.tryEmitEmpty();
        }
        return allRetired.asMono();
    }

    /** Empties the queue; returns the leased notifications in it, whose leases are to be handed back. */
    List<Notification> takeLeftLeased() {
        List<Work> left = new ArrayList<>();
        queue.drainTo(left);
        queued.clear();
        return left.stream().filter(Work.Leased.class::isInstance).map(work -> ((Work.Leased) work).notification())
                .toList();
    }

    /**
     * Hands batches to free workers while there are both. Several threads may run it at once: a worker gives itself
     * back before it looks at the queue, and work is queued before anyone looks for a free worker, so whichever comes
     * second sees the other, and no work is left waiting beside a free worker.
     */
    private void pump() {
        while (open && !queue.isEmpty()) {
            DispatchWorker worker = free.poll();
            if (worker == null) {
                return;
            }
            List<Work> batch = take();
            if (batch.isEmpty()) {
                free.add(worker);
                continue;
            }
            worker.deliver(batch).doFinally(signal -> giveBack(worker)).subscribe();
        }
        if (!open) {
            retireFree();
        }
    }

    private List<Work> take() {
        List<Work> batch = new ArrayList<>(batchSize);
        queue.drainTo(batch, batchSize);
        batch.stream().filter(Work.Claim.class::isInstance).map(Work::id).forEach(queued::remove);
        return batch;
    }

    private void giveBack(DispatchWorker worker) {
        if (!open) {
            retire(worker);
            return;
        }
        free.add(worker);
        pump();
    }

    /** Retires the workers now free; each is taken out of the free ones once, so each is retired once. */
    private void retireFree() {
        for (DispatchWorker worker = free.poll(); worker != null; worker = free.poll()) {
            retire(worker);
        }
    }

    private void retire(DispatchWorker worker) {
        worker.closeConnection().doFinally(signal -> {
            if (retired.incrementAndGet() == workers.size()) {
                allRetired.tryEmitEmpty();
            }
        }).subscribe();
    }
}
