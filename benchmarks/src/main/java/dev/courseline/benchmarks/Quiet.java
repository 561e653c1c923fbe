package dev.courseline.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

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
            while (notifications.countDocuments(unsent) > 0 && System.nanoTime() - started < atMost.toNanos()) {
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
