package dev.courseline.enquiry.privacy;

import java.time.Instant;

/** What an erasure did: how many enquiries and enrolments it anonymised. */
public record ErasureResult(String erasureId, String emailSha256, Instant erasedAt, int enquiries, int enrolments) {
}
