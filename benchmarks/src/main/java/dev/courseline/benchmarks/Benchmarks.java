package dev.courseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one benchmark against the running local stack (./run.sh) and writes its figures, with the settings and the
 * machine they were taken on, to {@code benchmarks/results/<name>-<time>.md}. Usage: {@code benchmarks/run.sh
 * intake|lead-emails|enrolments|website [-Dname=value ...]}. A new result replaces the earlier one of the same
 * benchmark: the project keeps the latest result of each (benchmarks/results/README.md), not a diary; older ones stay
 * in git history.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !List.of("intake", "lead-emails", "enrolments", "website").contains(args[0])) {
            System.err.println("usage: benchmarks/run.sh intake|lead-emails|enrolments|website [-Dconcurrency=32"
                    + " -Dwarmup=PT60S -Dduration=PT60S -Drate=100 -Dcrowd=500 -Dseats=20 -Drounds=5 -Dwarmup.rounds=3"
                    + " -Dapis=false]");
            System.exit(2);
        }
        Settings settings = Settings.fromSystemProperties();
        EnrolmentSettings enrolmentSettings = EnrolmentSettings.fromSystemProperties(settings);
        WebsiteSettings websiteSettings = WebsiteSettings.fromSystemProperties();
        List<String> figures = new ArrayList<>();
        boolean sameOrigin = true;
        ResidentMemory memory = ResidentMemory.start();
        try (memory) {
            switch (args[0]) {
                case "intake" -> figures.addAll(IntakeBenchmark.run(settings));
                case "lead-emails" -> figures.addAll(LeadEmailBenchmark.run(settings));
                case "website" -> {
                    WebsiteBenchmark.Outcome outcome = WebsiteBenchmark.run(websiteSettings);
                    figures.addAll(outcome.lines());
                    sameOrigin = outcome.sameOrigin();
                }
                default -> figures.addAll(EnrolmentBenchmark.run(enrolmentSettings));
            }
        }
        figures.addAll(memory.report());
        // The enrolment and website reports name only their own settings; intake and lead-emails share theirs.
        String described = switch (args[0]) {
            case "enrolments" -> enrolmentSettings.describe();
            case "website" -> websiteSettings.describe();
            default -> settings.describe();
        };

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
        removeEarlier(file, args[0]);
        report.forEach(System.out::println);
        System.out.println("\nwritten to " + file);
        if (!sameOrigin) {
            System.err.println("FAILED: a page makes a browser fetch from another origin (see the report)");
            System.exit(1);
        }
        System.exit(0);
    }

    private static void removeEarlier(Path latest, String benchmark) throws IOException {
        try (Stream<Path> results = Files.list(latest.getParent())) {
            String earlierName = benchmark + "-\\d{8}-\\d{6}\\.md";
            for (Path earlier : results.filter(path -> !path.equals(latest))
                    .filter(path -> path.getFileName().toString().matches(earlierName)).toList()) {
                Files.delete(earlier);
            }
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
