package dev.courseline.enquiry.lead;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A lead's version as an HTTP entity tag: the time of its last change. A change sent with {@code If-Match} is made
 * only if nobody changed the lead since the sender read it, so two people working one lead never overwrite each other.
 */
final class LeadVersion {

    private LeadVersion() {
    }

    static String etag(Instant updatedAt) {
        return "\"" + updatedAt.toEpochMilli() + "\"";
    }

    /** The version an {@code If-Match} header names, or null when the header is absent or {@code *}. */
    static Instant fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Instant.ofEpochMilli(Long.parseLong(tag));
        } catch (NumberFormatException notOurs) {
            // A tag this service never issued cannot match the lead's version.
            return Instant.EPOCH;
        }
    }

    static ResponseStatusException changedMeanwhile() {
        return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                "The lead was changed by someone else since you opened it; reload it to see the change.");
    }
}
