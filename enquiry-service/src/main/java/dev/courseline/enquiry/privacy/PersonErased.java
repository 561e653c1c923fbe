package dev.courseline.enquiry.privacy;

import java.time.Instant;

/** Payload of {@code courseline.enquiry.person-erased.v1}; keyed by the hash, it names no one. */
public record PersonErased(String emailSha256, Instant erasedAt, Instant occurredAt) {

    public static final String TYPE = "courseline.enquiry.person-erased.v1";
}
