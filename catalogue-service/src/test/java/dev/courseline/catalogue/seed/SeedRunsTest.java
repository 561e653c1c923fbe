package dev.courseline.catalogue.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.courseline.catalogue.course.Course;
import dev.courseline.catalogue.run.Run;
import dev.courseline.catalogue.run.RunStatus;

class SeedRunsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final List<Course> courses = SeedCourses.all(NOW);
    private final List<Run> runs = SeedRuns.upcoming(TODAY, courses, NOW);

    @Test
    void areUpcomingScheduledTwoDayRunsFromNineToFiveWithFourToSixteenSeats() {
        assertThat(runs).hasSize(8).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.SCHEDULED);
            assertThat(run.start().toLocalDate()).isAfter(TODAY.plusDays(7));
            assertThat(run.start().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(run.end()).isEqualTo(run.start().toLocalDate().plusDays(1).atTime(17, 0));
            assertThat(run.minCapacity()).isEqualTo(4);
            assertThat(run.maxCapacity()).isEqualTo(16);
            assertThat(run.startUtc()).isEqualTo(run.start().atZone(run.schedule().timeZone()).toInstant());
        });
    }

    @Test
    void coverBothCoursesOnlineInEuropeAndAmericaAndOnsiteInLondonAndAmsterdamInTheirCurrency() {
        assertThat(runs).extracting(Run::courseSlug).contains("pspo", "psm");
        assertThat(runs).extracting(Run::timeZone)
                .contains("Europe/London", "America/New_York", "Europe/Amsterdam");
        assertThat(runs).filteredOn(run -> run.venue() != null).extracting(run -> run.venue().city())
                .contains("London", "Amsterdam");
        assertThat(runs).allSatisfy(run -> assertThat(run.price().currency()).isEqualTo(switch (run.timeZone()) {
            case "America/New_York" -> "USD";
            case "Europe/Amsterdam" -> "EUR";
            default -> "GBP";
        }));
    }

    @Test
    void offerAnEarlyBirdOnSomeRunsThatIsCheaperAndEndsBeforeTheStartButAfterToday() {
        assertThat(runs).filteredOn(run -> run.earlyBird() != null).isNotEmpty().allSatisfy(run -> {
            assertThat(run.earlyBird().price().isLessThan(run.price())).isTrue();
            assertThat(run.earlyBird().deadline()).isAfter(TODAY).isBefore(run.start().toLocalDate());
        });
        assertThat(runs).filteredOn(run -> run.earlyBird() == null).isNotEmpty();
    }

    @Test
    void haveStableIdsSoTwoInstancesSeedingAtOnceInsertEachRunOnce() {
        assertThat(SeedRuns.upcoming(TODAY, courses, NOW)).extracting(Run::id)
                .containsExactlyElementsOf(runs.stream().map(Run::id).toList()).doesNotHaveDuplicates();
    }
}
