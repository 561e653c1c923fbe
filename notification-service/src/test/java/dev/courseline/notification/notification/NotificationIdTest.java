package dev.courseline.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class NotificationIdTest {

    private static final String EARLIER_EVENT = "019ab2c4-1e00-7abc-8def-0123456789ab";
    private static final String LATER_EVENT = "019ab2c4-1f00-7123-8456-fedcba987654";

    @Test
    void theSameEventKindAndRecipientAlwaysGiveTheSameId() {
        assertThat(Notification.idFor(EARLIER_EVENT, NotificationKind.LEAD_NOTIFICATION, "Sales@Example.com"))
                .isEqualTo(Notification.idFor(EARLIER_EVENT, NotificationKind.LEAD_NOTIFICATION, "sales@example.com"));
    }

    @Test
    void anotherKindOrRecipientOfTheSameEventGetsAnotherId() {
        String lead = Notification.idFor(EARLIER_EVENT, NotificationKind.LEAD_NOTIFICATION, "sales@example.com");

        assertThat(Notification.idFor(EARLIER_EVENT, NotificationKind.ACKNOWLEDGEMENT, "sales@example.com"))
                .isNotEqualTo(lead);
        assertThat(Notification.idFor(EARLIER_EVENT, NotificationKind.LEAD_NOTIFICATION, "emea@example.com"))
                .isNotEqualTo(lead);
    }

    @Test
    void idsOfTimeOrderedEventsSortInTheEventsOrder() {
        String earlier = Notification.idFor(EARLIER_EVENT, NotificationKind.LEAD_NOTIFICATION, "sales@example.com");
        String later = Notification.idFor(LATER_EVENT, NotificationKind.ACKNOWLEDGEMENT, "ada@example.com");

        assertThat(earlier).startsWith("019ab2c4-1e00-");
        assertThat(later).startsWith("019ab2c4-1f00-");
        assertThat(earlier).isLessThan(later);
        assertThat(UUID.fromString(earlier).toString()).isEqualTo(earlier);
    }

    @Test
    void anEventIdThatIsNoUuidStillGivesAStableUuid() {
        String id = Notification.idFor("run-42-cancelled", NotificationKind.LEAD_NOTIFICATION, "sales@example.com");

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(Notification.idFor("run-42-cancelled", NotificationKind.LEAD_NOTIFICATION, "sales@example.com"))
                .isEqualTo(id);
    }
}
