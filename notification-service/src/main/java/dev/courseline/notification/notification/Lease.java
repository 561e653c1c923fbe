package dev.courseline.notification.notification;

import java.time.Instant;

/**
 * The right to send a notification and record the outcome, held under an owner token unique to one claim (or one
 * event's fresh notifications) until {@code until}; after that the sweep may release it for someone else.
 */
public record Lease(String owner, Instant until) {
}
