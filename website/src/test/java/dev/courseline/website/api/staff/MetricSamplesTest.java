package dev.courseline.website.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricSamplesTest {

    private static final String PAGE = """
            # HELP courseline_notifications Notifications by state
            # TYPE courseline_notifications gauge
            courseline_notifications{application="notification-service",state="SENT"} 41.0
            courseline_notifications{application="notification-service",state="FAILED"} 2.0
            courseline_notifications{application="notification-service",state="PENDING"} 0.0
            courseline_dead_letters_total{topic="enquiries"} 1.0
            courseline_email_delay_seconds_bucket{kind="LEAD",le="0.5"} 60.0
            courseline_email_delay_seconds_bucket{kind="LEAD",le="1.0"} 90.0
            courseline_email_delay_seconds_bucket{kind="LEAD",le="+Inf"} 100.0
            courseline_email_delay_seconds_bucket{kind="ACK",le="0.5"} 0.0
            courseline_email_delay_seconds_bucket{kind="ACK",le="1.0"} 0.0
            courseline_email_delay_seconds_bucket{kind="ACK",le="+Inf"} 0.0
            label_with_quote{why="say \\"hi\\""} 3
            """;

    @Test
    void sumsAndGroupsSamplesByLabel() {
        MetricSamples metrics = MetricSamples.parse(PAGE);
        assertThat(metrics.sum("courseline_notifications")).isEqualTo(43.0);
        assertThat(metrics.sumBy("courseline_notifications", "state"))
                .containsEntry("SENT", 41.0).containsEntry("FAILED", 2.0).containsEntry("PENDING", 0.0);
        assertThat(metrics.has("courseline_dead_letters_total")).isTrue();
        assertThat(metrics.has("courseline_outbox_pending")).isFalse();
        assertThat(metrics.sumBy("label_with_quote", "why")).containsKey("say \"hi\"");
    }

    @Test
    void estimatesQuantilesWithinTheBucketWhereTheRankFalls() {
        MetricSamples metrics = MetricSamples.parse(PAGE);
        assertThat(metrics.quantile("courseline_email_delay_seconds", 0.3).getAsDouble()).isCloseTo(0.25, within(1e-9));
        assertThat(metrics.quantile("courseline_email_delay_seconds", 0.75).getAsDouble()).isCloseTo(0.75,
                within(1e-9));
        assertThat(metrics.quantile("courseline_email_delay_seconds", 0.99).getAsDouble())
                .as("beyond the last finite bucket: its bound, as Prometheus answers").isEqualTo(1.0);
        assertThat(MetricSamples.parse("courseline_email_delay_seconds_bucket{le=\"+Inf\"} 0\n")
                .quantile("courseline_email_delay_seconds", 0.5)).isEmpty();
    }
}
