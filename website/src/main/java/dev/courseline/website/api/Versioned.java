package dev.courseline.website.api;

/** An answer with the version the service gave it ({@code ETag}), or a null version when it gave none. */
public record Versioned<T>(T body, String version) {
}
