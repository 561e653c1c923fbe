package dev.courseline.e2e.browser;

import java.nio.file.Path;

/** Where the page screenshots go: {@code end-to-end-tests/target/screenshots/<name>-<width>.png}. */
final class Screenshots {

    private Screenshots() {
    }

    static Path directory() {
        Path root = Path.of(System.getProperty("courseline.repository.root", "..")).toAbsolutePath().normalize();
        return root.resolve("end-to-end-tests/target/screenshots");
    }
}
