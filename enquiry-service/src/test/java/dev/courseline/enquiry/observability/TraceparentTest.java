package dev.courseline.enquiry.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceparentTest {

    private static final String VALUE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsAndWritesTheW3cForm() {
        Traceparent parsed = Traceparent.parse(VALUE).orElseThrow();

        assertThat(parsed).isEqualTo(new Traceparent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
        assertThat(parsed.value()).isEqualTo(VALUE);
        assertThat(Traceparent.parse(VALUE.replace("-01", "-00")).orElseThrow().sampled()).isFalse();
    }

    @Test
    void refusesWhatIsNoTraceContext() {
        assertThat(Traceparent.parse(null)).isEmpty();
        assertThat(Traceparent.parse("not a trace")).isEmpty();
        assertThat(Traceparent.parse("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01")).isEmpty();
        assertThat(Traceparent.traceIdOf(null)).isNull();
    }
}
