package dev.courseline.catalogue.seed;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.course.Course;
import dev.courseline.catalogue.run.EarlyBird;
import dev.courseline.catalogue.run.Run;
import dev.courseline.catalogue.run.RunStatus;
import dev.courseline.catalogue.run.Schedule;
import dev.courseline.catalogue.run.Venue;

/**
 * A realistic schedule of upcoming two-day runs (09:00-17:00 local), starting two weeks after {@code today}: PSPO and
 * PSM online for Europe and the Americas, onsite in London and Amsterdam, 4 to 16 seats, some with an early-bird.
 */
final class SeedRuns {

    private static final Venue LONDON = new Venue("Courseline Training Centre, Farringdon", "London", "GB");
    private static final Venue AMSTERDAM = new Venue("Courseline Amsterdam, Zuidas", "Amsterdam", "NL");
    private static final ZoneId LONDON_ZONE = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK_ZONE = ZoneId.of("America/New_York");
    private static final ZoneId AMSTERDAM_ZONE = ZoneId.of("Europe/Amsterdam");

    private SeedRuns() {
    }

    private record Plan(String courseSlug, int week, DayOfWeek day, ZoneId zone, DeliveryMode mode, Venue venue,
            String price, String earlyBirdPrice, String currency) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan(SeedCourses.PSPO, 0, DayOfWeek.TUESDAY, LONDON_ZONE, DeliveryMode.ONLINE, null, "1195.00",
                    "995.00", "GBP"),
            new Plan(SeedCourses.PSM, 0, DayOfWeek.THURSDAY, NEW_YORK_ZONE, DeliveryMode.ONLINE, null, "1495.00",
                    "1295.00", "USD"),
            new Plan(SeedCourses.PSM, 1, DayOfWeek.TUESDAY, AMSTERDAM_ZONE, DeliveryMode.ONSITE, AMSTERDAM, "1450.00",
                    "1250.00", "EUR"),
            new Plan(SeedCourses.PSPO, 1, DayOfWeek.THURSDAY, LONDON_ZONE, DeliveryMode.ONSITE, LONDON, "1395.00", null,
                    "GBP"),
            new Plan(SeedCourses.PSM, 2, DayOfWeek.TUESDAY, LONDON_ZONE, DeliveryMode.ONLINE, null, "1195.00", null,
                    "GBP"),
            new Plan(SeedCourses.PSPO, 2, DayOfWeek.THURSDAY, NEW_YORK_ZONE, DeliveryMode.ONLINE, null, "1495.00", null,
                    "USD"),
            new Plan(SeedCourses.PSPO, 3, DayOfWeek.TUESDAY, AMSTERDAM_ZONE, DeliveryMode.ONSITE, AMSTERDAM, "1450.00",
                    null, "EUR"),
            new Plan(SeedCourses.PSM, 3, DayOfWeek.THURSDAY, LONDON_ZONE, DeliveryMode.ONSITE, LONDON, "1395.00", null,
                    "GBP"));

    static List<Run> upcoming(LocalDate today, List<Course> courses, Instant now) {
        Map<String, Course> bySlug = courses.stream().collect(Collectors.toMap(Course::slug, Function.identity()));
        LocalDate firstWeek = today.plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return PLANS.stream().map(plan -> {
            LocalDate startDate = firstWeek.plusWeeks(plan.week()).with(TemporalAdjusters.nextOrSame(plan.day()));
            Schedule schedule = new Schedule(startDate.atTime(LocalTime.of(9, 0)),
                    startDate.plusDays(1).atTime(LocalTime.of(17, 0)), plan.zone());
            LocalDate earlyBirdDeadline = startDate.minusWeeks(1);
            EarlyBird earlyBird = plan.earlyBirdPrice() == null || !earlyBirdDeadline.isAfter(today)
                    ? null
                    : new EarlyBird(Money.of(plan.earlyBirdPrice(), plan.currency()), earlyBirdDeadline);
            Course course = bySlug.get(plan.courseSlug());
            Run draft = Run.draft(seedId(plan, startDate), course.slug(), course.title(), schedule, plan.mode(),
                    plan.venue(), 4, 16, Money.of(plan.price(), plan.currency()), earlyBird, now);
            return new Run(draft.id(), draft.courseSlug(), draft.courseTitle(), draft.start(), draft.end(),
                    draft.timeZone(), draft.startUtc(), draft.endUtc(), draft.deliveryMode(), draft.venue(),
                    draft.minCapacity(), draft.maxCapacity(), draft.price(), draft.earlyBird(), RunStatus.SCHEDULED,
                    1, now);
        }).toList();
    }

    /** Stable per run, so two instances seeding at once insert the same run once. */
    private static String seedId(Plan plan, LocalDate startDate) {
        String name = "seed:" + plan.courseSlug() + ":" + plan.mode() + ":" + plan.zone() + ":" + startDate;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
