package dev.courseline.notification.dispatch;

import static dev.courseline.notification.support.Inbox.to;
import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.config.NotificationProperties.Dispatch;
import dev.courseline.notification.metrics.DeliveryMetrics;
import dev.courseline.notification.notification.Attempt;
import dev.courseline.notification.notification.Lease;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.notification.NotificationStore;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;
import dev.courseline.notification.support.TestEmails;

/**
 * Fresh notifications, recorded already leased to this instance's dispatcher and handed to it as they are: a worker
 * sends one only while at least half of the lease (2 min here) is left; otherwise it hands the lease back and the
 * sweep sends it. A dispatcher that stops hands back the leases of those it did not send.
 */
class LeasedDispatchIntegrationTest extends IntegrationTest {

    @Autowired
    EmailTraces traces;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    NotificationStore store;

    @Autowired
    NotificationProperties properties;

    @Autowired
    JavaMailSenderImpl mail;

    @Autowired
    Clock clock;

    @Autowired
    DeliveryMetrics deliveryMetrics;

    @Test
    void aFreshNotificationIsSentAtOnceUnderTheLeaseItWasRecordedWith() {
        Lease lease = dispatcher.leaseForFresh();
        Notification fresh = recordLeased("fresh", lease);

        dispatcher.submitLeased(List.of(fresh));

        // Recorded SENDING under a lease of minutes, it can only have been sent, and marked sent under that lease,
        // by the worker it was handed to: no claim or sweep touches it before the lease runs out.
        Notification sent = assertSentOnce(fresh);
        assertThat(sent.sentAt()).isBefore(lease.until());
    }

    @Test
    void aFreshNotificationWithLessThanHalfItsLeaseLeftIsHandedBackByTheWorkerAndSentOnceByTheSweep() {
        // As if it had waited in the queue: far less than half of the lease is left when a worker gets to it.
        Lease almostOver = new Lease(dispatcher.leaseForFresh().owner(),
                Instant.now().plusSeconds(50).truncatedTo(MILLIS));
        Notification fresh = recordLeased("late", almostOver);

        dispatcher.submitLeased(List.of(fresh));

        // Handed back at once rather than left to its lease: the sweep claims it and sends it long before 50 s.
        Notification sent = assertSentOnce(fresh);
        assertThat(sent.sentAt()).isBefore(almostOver.until());
        assertThat(sent.attempts()).extracting(Attempt::outcome).containsExactly(Attempt.Outcome.DELIVERED);
    }

    @Test
    void aStoppingDispatcherHandsBackWhatItWasHandedButDidNotSendAndTheSweepSendsItOnce() throws Exception {
        // A dispatcher with no workers: whatever it is handed is still queued when it stops.
        Dispatch noWorkers = new Dispatch(0, properties.dispatch().lease(), properties.dispatch().sweepInterval(),
                properties.dispatch().idleConnectionClose(), properties.dispatch().retry());
        Dispatcher stopping = new Dispatcher(store, mail, new NotificationProperties(properties.sender(),
                properties.websitePublicUrl(), properties.sales(), noWorkers), clock, deliveryMetrics, traces);
        stopping.start();
        Notification fresh = recordLeased("handed-back", stopping.leaseForFresh());
        stopping.submitLeased(List.of(fresh));

        // Stopping finishes asynchronously; waiting on the callback reads the store the moment it is done.
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        stopping.stop(() -> stopped.complete(null));
        stopped.get(30, TimeUnit.SECONDS);

        Notification handedBack = store.findById(fresh.id()).block();
        assertThat(handedBack.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(handedBack.leaseOwner()).isNull();
        assertSentOnce(fresh);
    }

    private Notification recordLeased(String scenario, Lease lease) {
        Notification notification = Notification.leased(UUID.randomUUID().toString(), "test",
                TestEmails.acknowledgement(scenario), Instant.now(), lease);
        assertThat(store.recordAllIfAbsent(List.of(notification)).block()).containsExactly(notification);
        return notification;
    }

    private Notification assertSentOnce(Notification notification) {
        ReceivedEmail received = Inbox.awaitOne(to(notification.recipient()));
        assertThat(received.messageId()).isEqualTo(notification.messageId());
        Notification sent = await().atMost(Duration.ofSeconds(10)).until(
                () -> store.findById(notification.id()).block(),
                stored -> stored.status() == NotificationStatus.SENT);
        assertThat(sent.leaseOwner()).isNull();
        assertThat(Inbox.matching(to(notification.recipient()))).hasSize(1);
        return sent;
    }
}
