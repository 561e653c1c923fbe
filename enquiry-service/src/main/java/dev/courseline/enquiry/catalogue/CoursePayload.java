package dev.courseline.enquiry.catalogue;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of a catalogue Course event this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoursePayload(String slug, String title, String kind, Set<String> deliveryModes, String status,
        long version, Instant updatedAt) {

    Course toCourse() {
        return new Course(slug, title, kind, deliveryModes, status, version, updatedAt);
    }
}
