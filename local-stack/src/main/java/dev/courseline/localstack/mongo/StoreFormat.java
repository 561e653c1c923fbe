package dev.courseline.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.h2.mvstore.MVStore;

/**
 * Which way the H2 file stores documents and orders index keys. A file written before {@link H2FileBackend} changed
 * both (by plain mongo-java-server) cannot be read by it, so it is moved aside, kept, and the store starts empty:
 * local development data, but never silently dropped.
 *
 * <p>Since the file also holds non-unique indexes ({@link H2FileSecondaryIndex}) it says so: a version without them
 * would change documents without changing their entries, and this one would then trust stale entries. Such a version
 * sees a format it does not know and sets the file aside; this one reads a file of the format before (which has no
 * such entries, so they are all built on opening) and marks it as its own.
 */
final class StoreFormat {

    private static final String MARKER_MAP = "courseline.store-format";
    private static final String KEY = "format";
    private static final String PREVIOUS = "bson-documents, mongodb-ordered-bson-index-keys";
    private static final String CURRENT = PREVIOUS + ", secondary-indexes";

    private StoreFormat() {
    }

    /** Records the current format in a store {@link H2FileBackend} opened. */
    static void mark(MVStore store) {
        store.<String, String>openMap(MARKER_MAP).put(KEY, CURRENT);
    }

    /** Moves {@code file} aside when it holds data in another format; returns where it went. */
    static Optional<Path> setAsideIfOtherFormat(Path file) {
        if (!Files.exists(file) || isCurrent(file)) {
            return Optional.empty();
        }
        Path aside = file.resolveSibling(file.getFileName() + ".other-format-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + file + " aside", e);
        }
        return Optional.of(aside);
    }

    private static boolean isCurrent(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            boolean holdsData = store.getMapNames().stream().anyMatch(name -> name.startsWith("databases."));
            if (!holdsData) {
                return true;
            }
            String format = store.hasMap(MARKER_MAP) ? store.<String, String>openMap(MARKER_MAP).get(KEY) : null;
            return CURRENT.equals(format) || PREVIOUS.equals(format);
        } finally {
            store.close();
        }
    }
}
