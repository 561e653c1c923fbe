package dev.courseline.notification.dispatch;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.internet.MimeMessage;

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
import dev.courseline.notification.support.TestEmails;

/**
 * One worker's batch against the real store, with a stand-in mail server whose every send takes 40 s of a test clock
 * (the lease is 2 min, and a send needs half of it left): each email is recorded as sent before the next one goes out,
 * and once a lease has too little left the rest of the batch is handed back unsent.
 */
class BatchDeliveryIntegrationTest extends IntegrationTest {

    private static final Duration SEND_TIME = Duration.ofSeconds(40);

    @Autowired
    NotificationStore store;

    @Autowired
    NotificationProperties properties;

    @Autowired
    JavaMailSenderImpl mail;

    @Autowired
    DeliveryMetrics deliveryMetrics;

    @Autowired
    EmailTraces traces;

    @Test
    void eachEmailIsRecordedAsSentBeforeTheNextGoesOutAndALeaseRunningOutStopsTheRestOfTheBatch() {
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Dispatch noWorkers = new Dispatch(0, Duration.ofMinutes(2), properties.dispatch().sweepInterval(),
                properties.dispatch().idleConnectionClose(), properties.dispatch().retry());
        Dispatcher dispatcher = new Dispatcher(store, mail, new NotificationProperties(properties.sender(),
                properties.websitePublicUrl(), properties.sales(), noWorkers), clock, deliveryMetrics, traces);
        Lease lease = dispatcher.leaseForFresh();
        List<Notification> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(recordLeased("batch-" + i, lease, clock.instant()));
        }
        List<String> sentIds = new ArrayList<>();
        List<NotificationStatus> previousStatusAtEachSend = new ArrayList<>();
        SmtpConnection mailServer = new SmtpConnection(mail.getSession(), mail.getHost(), mail.getPort(), null, null) {
            @Override
            void send(MimeMessage message) {
                if (!sentIds.isEmpty()) {
                    previousStatusAtEachSend.add(store.findById(sentIds.get(sentIds.size() - 1)).block().status());
                }
                sentIds.add(batch.get(sentIds.size()).id());
                clock.advance(SEND_TIME);
            }
        };

        new DispatchWorker(dispatcher, "test-worker").deliver(
                batch.stream().<Work>map(Work.Leased::new).toList(), mailServer).block();

        // At 0 s and 40 s the lease (until 120 s) has at least 60 s left; at 80 s it has not.
        assertThat(sentIds).containsExactly(batch.get(0).id(), batch.get(1).id());
        assertThat(previousStatusAtEachSend).containsExactly(NotificationStatus.SENT);
        assertThat(store.findById(batch.get(1).id()).block().status()).isEqualTo(NotificationStatus.SENT);
        // Handed back rather than left to their lease (2 min): the service's own sweep sends each of them once.
        for (Notification unsent : batch.subList(2, 4)) {
            Inbox.awaitOne(to(unsent.recipient()));
            Notification sent = await().atMost(Duration.ofSeconds(10)).until(
                    () -> store.findById(unsent.id()).block(), stored -> stored.status() == NotificationStatus.SENT);
            assertThat(sent.attempts()).extracting(Attempt::outcome).containsExactly(Attempt.Outcome.DELIVERED);
            assertThat(Inbox.matching(to(unsent.recipient()))).hasSize(1);
        }
    }

    private Notification recordLeased(String scenario, Lease lease, Instant now) {
        Notification notification = Notification.leased(UUID.randomUUID().toString(), "test",
                TestEmails.acknowledgement(scenario + "-" + UUID.randomUUID()), now, lease);
        assertThat(store.recordAllIfAbsent(List.of(notification)).block()).containsExactly(notification);
        return notification;
    }

    /** A clock that moves only when told to. */
    private static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
