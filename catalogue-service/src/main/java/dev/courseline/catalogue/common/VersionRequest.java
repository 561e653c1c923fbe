package dev.courseline.catalogue.common;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of a lifecycle action: the version the caller last saw, for optimistic concurrency. */
public record VersionRequest(@NotNull @Min(1) Long version) {
}
