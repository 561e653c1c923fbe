package dev.courseline.website.staff.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import dev.courseline.website.api.staff.MetricSamples;

/**
 * The few figures of one service that say where a late email waits: its outbox, its intake, its leads, its
 * notifications and their delay, and its dead letters. {@code figures} is empty when the metrics could not be read.
 */
public record ServiceFigures(String service, boolean ready, boolean metricsRead, List<Figure> figures) {

    /** One line of the page: what it is and its value as a person reads it. */
    public record Figure(String label, String value, boolean alarming) {
    }

    static ServiceFigures unreadable(String service, boolean ready) {
        return new ServiceFigures(service, ready, false, List.of());
    }

    static ServiceFigures of(String service, boolean ready, MetricSamples metrics) {
        List<Figure> figures = new ArrayList<>();
        if (metrics.has("courseline_outbox_pending")) {
            figures.add(new Figure("Events waiting in the outbox", whole(metrics.sum("courseline_outbox_pending")),
                    false));
            OptionalDouble oldest = metrics.max("courseline_outbox_oldest_pending_seconds");
            figures.add(new Figure("Oldest waiting event", seconds(oldest),
                    oldest.isPresent() && oldest.getAsDouble() > 60));
        }
        perLabel(figures, metrics, "courseline_enquiries_received_total", "kind", "Enquiries received (%s)");
        perLabel(figures, metrics, "courseline_enquiries_received_total", "outcome", "Enquiries %s");
        perLabel(figures, metrics, "courseline_enrolments_total", "outcome", "Enrolments %s");
        for (Map.Entry<String, Double> team : metrics.sumBy("courseline_leads_overdue", "team").entrySet()) {
            figures.add(new Figure("Overdue leads, team " + team.getKey(), whole(team.getValue()),
                    team.getValue() > 0));
        }
        perLabel(figures, metrics, "courseline_notifications", "state", "Notifications %s");
        perLabel(figures, metrics, "courseline_notifications_sent_total", "kind", "Emails sent (%s)");
        if (metrics.has("courseline_email_delay_seconds_bucket")) {
            OptionalDouble p99 = metrics.quantile("courseline_email_delay_seconds", 0.99);
            figures.add(new Figure("Email delay, median", seconds(metrics.quantile("courseline_email_delay_seconds",
                    0.5)), false));
            figures.add(new Figure("Email delay, 99th percentile", seconds(p99),
                    p99.isPresent() && p99.getAsDouble() > 60));
        }
        if (metrics.has("courseline_dead_letters_total")) {
            double deadLetters = metrics.sum("courseline_dead_letters_total");
            figures.add(new Figure("Dead letters since start", whole(deadLetters), deadLetters > 0));
        }
        return new ServiceFigures(service, ready, true, List.copyOf(figures));
    }

    private static void perLabel(List<Figure> figures, MetricSamples metrics, String name, String label,
            String format) {
        metrics.sumBy(name, label).forEach((value, sum) -> figures.add(new Figure(
                String.format(Locale.ROOT, format, value.replace('_', ' ').toLowerCase(Locale.ROOT)), whole(sum),
                false)));
    }

    private static String whole(double value) {
        return String.format(Locale.UK, "%,d", Math.round(value));
    }

    private static String seconds(OptionalDouble value) {
        if (value.isEmpty()) {
            return "none yet";
        }
        double s = value.getAsDouble();
        return s < 10 ? String.format(Locale.UK, "%.2f s", s) : String.format(Locale.UK, "%,.0f s", s);
    }
}
