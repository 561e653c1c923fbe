package dev.courseline.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The local stack's processes, found by their command line in {@code /proc} (Linux only; elsewhere none). */
final class Processes {

    private Processes() {
    }

    /** A service or the website, started by the launcher from its runnable jar. */
    static OptionalLong service(String module) {
        return find(commandLine -> commandLine.contains("/" + module + "-") && commandLine.contains("-jar"));
    }

    /** The launcher's JVM, which also hosts the store, the broker's neighbours, SMTP and the identity provider. */
    static OptionalLong launcher() {
        return find(commandLine -> commandLine.contains("dev.courseline.localstack.launcher.Launcher"));
    }

    /**
     * The JVM flags a process was started with: its arguments between the {@code java} executable and {@code -jar},
     * without the class data sharing ones (the launcher's archive is of that service alone).
     */
    static List<String> jvmFlags(long pid) {
        String[] arguments = commandLine(Path.of("/proc", Long.toString(pid))).split(" ");
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < arguments.length && !arguments[i].equals("-jar"); i++) {
            if (!arguments[i].isBlank() && !arguments[i].startsWith("-XX:SharedArchiveFile")
                    && !arguments[i].startsWith("-Xshare")) {
                flags.add(arguments[i]);
            }
        }
        return flags;
    }

    private static OptionalLong find(Predicate<String> commandLine) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> processes = Files.list(proc)) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(path -> commandLine.test(commandLine(path)))
                    .mapToLong(path -> Long.parseLong(path.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static String commandLine(Path process) {
        try {
            byte[] arguments = Files.readAllBytes(process.resolve("cmdline"));
            return new String(arguments, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
