package dev.courseline.enquiry.catalogue;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** This service's copy of a catalogue course: only what quotes and enrolments need. */
@Document(Course.COLLECTION)
public record Course(@Id String slug, String title, String kind, Set<String> deliveryModes, String status,
        long version, Instant updatedAt) {

    public static final String COLLECTION = "courses";

    public boolean isOffered() {
        return "PUBLISHED".equals(status);
    }
}
