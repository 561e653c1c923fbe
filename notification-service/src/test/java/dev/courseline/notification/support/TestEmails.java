package dev.courseline.notification.support;

import java.util.List;
import java.util.UUID;

import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.NewNotification;
import dev.courseline.notification.notification.NotificationKind;

/** Emails for tests that record notifications themselves, each to a recipient of its own. */
public final class TestEmails {

    private TestEmails() {
    }

    public static NewNotification acknowledgement(String scenario) {
        String recipient = scenario + "-" + UUID.randomUUID() + "@example.com";
        return new NewNotification(NotificationKind.ACKNOWLEDGEMENT, recipient, UUID.randomUUID().toString(),
                new EmailContent("We have received your request (" + scenario + ")", "Thank you.",
                        "<p>Thank you.</p>", null),
                List.of());
    }
}
