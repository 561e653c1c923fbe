package dev.courseline.catalogue.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the relay as soon as a write has queued an event, so publishing does not wait for the next poll. */
@Component
public class OutboxSignal {

    private final Semaphore wakeUps = new Semaphore(0);

    public void wake() {
        wakeUps.release();
    }

    /** Waits until woken or the timeout passes; returns early at once if a wake-up is already pending. */
    void awaitWakeUp(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }
}
