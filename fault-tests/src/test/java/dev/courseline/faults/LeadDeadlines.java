package dev.courseline.faults;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Lets time pass for some leads: moves their respond-by into the past in the enquiry service's store, so that the
 * overdue check escalates them now rather than in two working days. Nothing else about them changes.
 */
final class LeadDeadlines {

    private static final String DATABASE = "courseline-enquiry-faults";

    private final String mongoUri;

    LeadDeadlines(FaultSystem system) {
        this.mongoUri = system.stack().mongoUri(DATABASE);
    }

    /** The leads of the quote requests from these contacts, due by {@code dueBy}; returns how many were changed. */
    long dueBy(Instant dueBy, List<String> contactEmails) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return client.getDatabase(DATABASE).getCollection("enquiries").updateMany(
                    Filters.in("contact.email", contactEmails),
                    Updates.set("lead.respondBy", Date.from(dueBy))).getModifiedCount();
        }
    }
}
