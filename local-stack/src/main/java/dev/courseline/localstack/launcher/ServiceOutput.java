package dev.courseline.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's output goes under the launcher: every line to its log file ({@code .courseline/logs/<name>.log},
 * appended across restarts), and to the console only its warnings and errors, with the lines that follow one (a stack
 * trace) until the next line that has a level of its own. Lines arrive prefixed with {@code [name] }.
 */
public final class ServiceOutput implements Consumer<String>, AutoCloseable {

    /** Boot's console pattern: the timestamp, then the level. */
    private static final Pattern LEVEL = Pattern.compile("^\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s");

    /** What the JVM itself prints when it cannot start or dies, without any level. */
    private static final Pattern JVM_FAILURE = Pattern.compile("^(Exception in thread|Error:|# A fatal error)");

    private final Path file;
    private final Writer writer;
    private final Consumer<String> console;
    private boolean showing;

    public ServiceOutput(Path file, Consumer<String> console) {
        this.file = file;
        this.console = console;
        try {
            Files.createDirectories(file.getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void accept(String prefixedLine) {
        int end = prefixedLine.indexOf("] ");
        String line = end >= 0 && prefixedLine.startsWith("[") ? prefixedLine.substring(end + 2) : prefixedLine;
        try {
            writer.write(line);
            writer.write(System.lineSeparator());
            writer.flush();
        } catch (IOException e) {
            // A full disk must not stop the service's output pump; the console still gets its problems.
        }
        Matcher level = LEVEL.matcher(line);
        if (level.find()) {
            showing = level.group(1).equals("WARN") || level.group(1).equals("ERROR");
        } else if (JVM_FAILURE.matcher(line).find()) {
            showing = true;
        }
        if (showing) {
            console.accept(prefixedLine);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // closing at exit; nothing left to do
        }
    }
}
