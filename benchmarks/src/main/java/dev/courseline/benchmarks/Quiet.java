package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * Waits until the notification service has no email left to send, so that a phase does not pay for the emails of
 * the one before it (on two cores, a backlog of mail takes CPU from whatever is measured next).
 */
final class Quiet {

    private static final Duration POLL = Duration.ofSeconds(2);

    private Quiet() {
    }

    /** Returns how long it waited; gives up after {@code atMost}. */
    static Duration await(String mongoUri, Duration atMost) {
        long started = System.nanoTime();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            var notifications = mongo.getDatabase("courseline-notification").getCollection("notifications");
            var unsent = Filters.in("status", "PENDING", "SENDING");
            while (!none(() -> notifications.countDocuments(unsent))
                    && System.nanoTime() - started < atMost.toNanos()) {
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A scan that failed under concurrent writes (see LeadEmailBenchmark) counts as "not yet quiet". */
    private static boolean none(LongSupplier count) {
        try {
            return count.getAsLong() == 0;
        } catch (MongoException e) {
            return false;
        }
    }
}
