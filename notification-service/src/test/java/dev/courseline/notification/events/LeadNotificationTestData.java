package dev.courseline.notification.events;

import tools.jackson.databind.node.ObjectNode;

/** Test events shared with other packages' tests. */
public final class LeadNotificationTestData {

    private LeadNotificationTestData() {
    }

    /** A quote request routed to the EMEA team, with fresh ids, an organisation and a contact address. */
    public static ObjectNode freshQuote(String organisation, String contactEmail) {
        return LeadNotificationIntegrationTest.freshQuote(organisation, contactEmail);
    }
}
