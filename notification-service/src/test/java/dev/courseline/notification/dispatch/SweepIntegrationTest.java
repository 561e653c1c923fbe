package dev.courseline.notification.dispatch;

import static dev.courseline.notification.support.Inbox.to;
import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import dev.courseline.notification.notification.Lease;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.notification.NotificationStore;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;
import dev.courseline.notification.support.TestEmails;

/**
 * What only the dispatcher's sweep can deliver: notifications no worker was told about (recorded by an instance that
 * died before handing them over, leased to it or not, or by an earlier version of this service) and ones whose worker
 * died mid-send.
 */
class SweepIntegrationTest extends IntegrationTest {

    @Autowired
    NotificationStore store;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aNotificationRecordedButNeverHandedToAWorkerIsSentOnce() {
        Notification recorded = pending("never-handed-over");

        assertThat(store.recordIfAbsent(recorded).block()).isTrue();

        assertSentOnce(recorded);
    }

    @Test
    void aNotificationRecordedLeasedByAnInstanceThatDiedIsSentOnceAfterTheLeaseRunsOut() {
        Lease lease = new Lease("instance-that-died/fresh:1", Instant.now().plusSeconds(1).truncatedTo(MILLIS));
        Notification recorded = Notification.leased(UUID.randomUUID().toString(), "test",
                TestEmails.acknowledgement("leased-by-the-dead"), Instant.now(), lease);

        assertThat(store.recordAllIfAbsent(List.of(recorded)).block()).containsExactly(recorded);

        Notification sent = assertSentOnce(recorded);
        // Nobody may send it while the lease of the instance that recorded it holds.
        assertThat(sent.sentAt()).isAfterOrEqualTo(lease.until());
    }

    @Test
    void aNotificationWhoseWorkerDiedMidSendIsSentOnceAfterTheLeaseRunsOut() {
        Notification pending = pending("worker-died");
        Instant leaseRanOut = Instant.now().minusSeconds(1);
        Notification inFlight = new Notification(pending.id(), pending.eventId(), pending.eventType(), pending.kind(),
                pending.aboutId(), pending.recipient(), pending.content(), pending.personEmailHashes(),
                NotificationStatus.SENDING, 0, List.of(), pending.nextAttemptAt(), "worker-that-died", leaseRanOut,
                null, pending.createdAt(), null, null, pending.relatedIds());

        assertThat(store.recordIfAbsent(inFlight).block()).isTrue();

        assertSentOnce(inFlight);
    }

    private static Notification pending(String scenario) {
        return Notification.pending(UUID.randomUUID().toString(), "test", TestEmails.acknowledgement(scenario),
                Instant.now());
    }

    private Notification assertSentOnce(Notification notification) {
        ReceivedEmail received = Inbox.awaitOne(to(notification.recipient()));
        assertThat(received.subject()).isEqualTo(notification.content().subject());
        assertThat(received.messageId()).isEqualTo(notification.messageId());
        Notification sent = await().atMost(Duration.ofSeconds(10)).until(
                () -> store.findById(notification.id()).block(),
                stored -> stored.status() == NotificationStatus.SENT);
        assertThat(Inbox.matching(to(notification.recipient()))).hasSize(1);
        return sent;
    }
}
