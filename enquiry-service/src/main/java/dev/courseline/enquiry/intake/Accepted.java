package dev.courseline.enquiry.intake;

import java.net.URI;

import org.springframework.http.ResponseEntity;

import dev.courseline.enquiry.config.EnquiryProperties;

/** Builds the {@code 202 Accepted} answer with the status link in the body and in {@code Location}. */
public final class Accepted {

    private Accepted() {
    }

    public static ResponseEntity<AcceptedEnquiry> of(IntakeResult result, EnquiryProperties properties) {
        String status = properties.apiLink("/api/enquiries/", result.enquiryId());
        AcceptedEnquiry body = new AcceptedEnquiry(result.enquiryId(),
                result.duplicateOf() != null ? "DUPLICATE" : "RECEIVED", result.duplicateOf(),
                new AcceptedEnquiry.AcceptedLinks(status));
        return ResponseEntity.accepted().location(URI.create(status)).body(body);
    }
}
