package dev.courseline.enquiry.lead;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Response deadlines counted in working days (Monday to Friday) in the business's time zone: a request received on
 * Friday afternoon with two working days is due Tuesday afternoon; one received at the weekend counts from Monday
 * morning. Public holidays are not modelled.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static Instant add(Instant from, int workingDays, ZoneId zone) {
        ZonedDateTime time = from.atZone(zone);
        if (isWeekend(time.getDayOfWeek())) {
            time = time.toLocalDate().atStartOfDay(zone);
            while (isWeekend(time.getDayOfWeek())) {
                time = time.plusDays(1);
            }
        }
        int left = workingDays;
        while (left > 0) {
            time = time.plusDays(1);
            if (!isWeekend(time.getDayOfWeek())) {
                left--;
            }
        }
        return time.toInstant();
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
