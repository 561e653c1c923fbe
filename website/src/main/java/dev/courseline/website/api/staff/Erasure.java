package dev.courseline.website.api.staff;

import java.time.Instant;

/** What an erasure removed: how many enquiries and enrolments it anonymised. */
public record Erasure(String erasureId, Instant erasedAt, int enquiries, int enrolments) {
}
