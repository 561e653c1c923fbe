package dev.courseline.enquiry.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FormStampsTest {

    private static final String SECRET = "secret";
    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(3);
    private static final Duration MAX = Duration.ofHours(24);

    @Test
    void aFormFilledInAtHumanSpeedIsFine() {
        assertThat(FormStamps.problem(FormStamps.stamp(NOW.minusSeconds(30), SECRET), SECRET, NOW, MIN, MAX)).isNull();
    }

    @Test
    void tooFastTooOldForgedAndMalformedStampsAreNamed() {
        assertThat(FormStamps.problem(FormStamps.stamp(NOW.minusMillis(500), SECRET), SECRET, NOW, MIN, MAX))
                .isEqualTo("TOO_FAST");
        assertThat(FormStamps.problem(FormStamps.stamp(NOW.minus(Duration.ofDays(2)), SECRET), SECRET, NOW, MIN, MAX))
                .isEqualTo("FORM_STAMP_EXPIRED");
        assertThat(FormStamps.problem(FormStamps.stamp(NOW.minusSeconds(30), "guess"), SECRET, NOW, MIN, MAX))
                .isEqualTo("FORM_STAMP_INVALID");
        String real = FormStamps.stamp(NOW.minusSeconds(30), SECRET);
        String older = (NOW.minusSeconds(600).toEpochMilli()) + real.substring(real.indexOf('.'));
        assertThat(FormStamps.problem(older, SECRET, NOW, MIN, MAX)).as("a signature moved to another time")
                .isEqualTo("FORM_STAMP_INVALID");
        assertThat(FormStamps.problem("nonsense", SECRET, NOW, MIN, MAX)).isEqualTo("FORM_STAMP_INVALID");
        assertThat(FormStamps.problem("-1.x", SECRET, NOW, MIN, MAX)).isEqualTo("FORM_STAMP_INVALID");
    }

    @Test
    void aZeroMinimumAgeSwitchesTheSpeedCheckOff() {
        assertThat(FormStamps.problem(FormStamps.stamp(NOW, SECRET), SECRET, NOW, Duration.ZERO, MAX)).isNull();
    }
}
