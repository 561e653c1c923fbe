package dev.courseline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A scenario's figures, written to {@code target/faults/<scenario>.md} whether it passed or not. */
final class ScenarioReport {

    private final String scenario;
    private final String fault;
    private final List<String> events = new ArrayList<>();
    private final List<Duration> recoveries = new ArrayList<>();
    private final List<String[]> figures = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Instant started = Instant.now();

    ScenarioReport(String scenario, String fault) {
        this.scenario = scenario;
        this.fault = fault;
    }

    /** A line of the fault's timeline, with the seconds since the scenario started. */
    void event(String what) {
        events.add(
                String.format(Locale.ROOT, "%.1f s: %s", Duration.between(started, Instant.now()).toMillis() / 1000.0,
                        what));
    }

    /** How long, after a fault ended, until every request acknowledged by then had its emails. */
    void recovered(Duration afterFault) {
        recoveries.add(afterFault);
        event(String.format(Locale.ROOT, "caught up %.1f s after the fault ended", afterFault.toMillis() / 1000.0));
    }

    /** A figure of what this scenario promises beyond the common ones, as a row of its table. */
    void figure(String name, Object value) {
        figures.add(new String[]{name, String.valueOf(value)});
    }

    /** Something this scenario promised that did not hold; the scenario fails on any. */
    void problem(String what) {
        problems.add(what);
        event("problem: " + what);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void write(Verifier.Figures figures, String settings) {
        Path directory = Path.of(System.getProperty("faults.reports", "target/faults"));
        StringBuilder text = new StringBuilder();
        text.append("# ").append(scenario).append("\n\n").append(fault).append("\n\n");
        text.append("Run: ")
                .append(Boolean.getBoolean("faults.long") ? "long (-Pfaults-long)" : "short (default build)")
                .append(", ").append(settings).append(", ").append(Instant.now()).append(".\n\n");
        text.append("| Figure | Value |\n|---|---|\n");
        row(text, "requests sent", figures.sent());
        row(text, "acknowledged (2xx): quotes", figures.quotesAcknowledged());
        row(text, "acknowledged (2xx): enrolments", figures.enrolmentsAcknowledged());
        row(text, "retries (same Idempotency-Key)", figures.retries());
        row(text, "refused (4xx, not retried)", figures.refused().size());
        row(text, "unanswered (gave up)", figures.unanswered().size());
        row(text, "acknowledged and emailed", figures.emailed());
        row(text, "lost (acknowledged, an email missing)", figures.lost().size());
        row(text, "duplicates (a second, different email for one request)", figures.duplicates().size());
        row(text, "repeats (one email delivered again after a crash)", figures.repeats());
        if (figures.roster().capacity() > 0) {
            row(text, "run capacity / confirmed / waitlisted", figures.roster().capacity() + " / "
                    + figures.roster().confirmed() + " / " + figures.roster().waitlisted());
            row(text, "roster problems (oversold, doubles, missing)", figures.roster().wrong().size());
        }
        row(text, "pending at the end (outboxes + delivery log)", figures.pendingAtEnd());
        row(text, "time to recover", recoveries.isEmpty()
                ? "n/a"
                : String.join(", ", recoveries.stream()
                        .map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)).toList()));
        this.figures.forEach(row -> row(text, row[0], row[1]));
        text.append("\n## Timeline\n\n");
        events.forEach(event -> text.append("- ").append(event).append('\n'));
        details(text, "Problems", problems);
        details(text, "Lost", figures.lost());
        details(text, "Duplicates", figures.duplicates());
        details(text, "Roster problems", figures.roster().wrong());
        details(text, "Refused", figures.refused());
        details(text, "Unanswered", figures.unanswered());
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(scenario + ".md"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder text, String figure, Object value) {
        text.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static void details(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append("\n## ").append(title).append(" (first 20)\n\n");
        lines.stream().limit(20).forEach(line -> text.append("- ").append(line).append('\n'));
    }
}
