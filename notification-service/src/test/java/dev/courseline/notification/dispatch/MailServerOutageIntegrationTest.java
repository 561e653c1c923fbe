package dev.courseline.notification.dispatch;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;

class MailServerOutageIntegrationTest extends IntegrationTest {

    private static final int ENROLMENTS = 12;

    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void mailServerRunsAgain() {
        LocalStack.current().startSmtp();
    }

    @Test
    void emailsRecordedWhileTheMailServerIsDownAreAllDeliveredOnceAfterItComesBack() {
        String batch = UUID.randomUUID().toString();
        List<String> learners = new ArrayList<>();
        LocalStack.current().stopSmtp();

        for (int i = 0; i < ENROLMENTS; i++) {
            String enrolmentId = UUID.randomUUID().toString();
            String email = "outage-" + i + "-" + batch + "@example.com";
            learners.add(email);
            ObjectNode confirmed = ContractEvents.example("courseline.enquiry.enrolment-confirmed.v1");
            confirmed.put("enrolmentId", enrolmentId);
            ((ObjectNode) confirmed.path("learner")).put("email", email);
            EnquiryTopic.publish("courseline.enquiry.enrolment-confirmed.v1", enrolmentId, confirmed);
        }
        // Every email has been tried and refused by the absent server at least once before it comes back.
        await().atMost(Duration.ofSeconds(30)).until(() -> failedAtLeastOnce(learners) == ENROLMENTS);

        LocalStack.current().startSmtp();

        List<ReceivedEmail> delivered = Inbox.awaitCount(ENROLMENTS,
                email -> email.to().stream().anyMatch(learners::contains));
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(learners) == ENROLMENTS);
        assertThat(Inbox.matching(email -> email.to().stream().anyMatch(learners::contains))).hasSize(ENROLMENTS);
        assertThat(delivered).extracting(email -> email.to().get(0)).containsExactlyInAnyOrderElementsOf(learners);
        for (String learner : learners) {
            assertThat(Inbox.matching(to(learner))).hasSize(1);
        }
    }

    private long failedAtLeastOnce(List<String> recipients) {
        return mongo.count(new Query(where("recipient").in(recipients).and("failedAttempts").gte(1)),
                Notification.class).block();
    }

    private long sent(List<String> recipients) {
        return mongo.count(new Query(where("recipient").in(recipients).and("status").is(NotificationStatus.SENT)),
                Notification.class).block();
    }
}
