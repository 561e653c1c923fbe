package dev.courseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one benchmark against the running local stack (./run.sh) and writes its figures, with the settings and the
 * machine they were taken on, to {@code benchmarks/results/<name>-<time>.md}. Usage: {@code benchmarks/run.sh
 * intake|lead-emails|enrolments [-Dname=value ...]}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !List.of("intake", "lead-emails", "enrolments").contains(args[0])) {
            System.err.println("usage: benchmarks/run.sh intake|lead-emails|enrolments [-Dconcurrency=32 -Dwarmup=PT60S"
                    + " -Dduration=PT60S -Drate=100 -Dcrowd=500 -Dseats=20 -Drounds=5 -Dwarmup.rounds=3]");
            System.exit(2);
        }
        Settings settings = Settings.fromSystemProperties();
        EnrolmentSettings enrolmentSettings = EnrolmentSettings.fromSystemProperties(settings);
        List<String> figures = new ArrayList<>();
        ResidentMemory memory = ResidentMemory.start();
        try (memory) {
            figures.addAll(switch (args[0]) {
                case "intake" -> IntakeBenchmark.run(settings);
                case "lead-emails" -> LeadEmailBenchmark.run(settings);
                default -> EnrolmentBenchmark.run(enrolmentSettings);
            });
        }
        figures.addAll(memory.report());
        // The enrolment report names only its own settings; intake and lead-emails share theirs.
        String described = args[0].equals("enrolments") ? enrolmentSettings.describe() : settings.describe();

        Instant finished = Instant.now();
        List<String> report = new ArrayList<>();
        report.add("# " + args[0] + " benchmark, " + finished);
        report.add("");
        report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + ".");
        report.add("Settings: " + described + ".");
        report.add("");
        report.addAll(figures);
        Path file = Path.of("benchmarks", "results", args[0] + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(finished) + ".md");
        write(file, report);
        report.forEach(System.out::println);
        System.out.println("\nwritten to " + file);
        System.exit(0);
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
