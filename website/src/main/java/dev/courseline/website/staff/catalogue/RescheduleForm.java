package dev.courseline.website.staff.catalogue;

import java.util.HashMap;
import java.util.Map;

import dev.courseline.website.api.Run;

/** New dates for a run, in the zone chosen, based on the version the page showed. */
record RescheduleForm(String startDate, String startTime, String endDate, String endTime, String timeZone,
        Long version, String confirm) {

    static final Map<String, String> FIELDS = Map.of("start", "startDate", "end", "endDate", "timeZone", "timeZone");
    static final Map<String, String> LABELS = Map.of("startDate", "Starts", "endDate", "Ends",
            "timeZone", "Time zone");

    static RescheduleForm of(Run run) {
        return new RescheduleForm(run.start().toLocalDate().toString(), run.start().toLocalTime().toString(),
                run.end().toLocalDate().toString(), run.end().toLocalTime().toString(), run.timeZone(), run.version(),
                null);
    }

    /** The body of {@code PUT /api/admin/runs/{id}/dates}. */
    Map<String, Object> toRequest() {
        Map<String, Object> dates = new HashMap<>();
        dates.put("start", RunForm.dateTime(startDate, startTime));
        dates.put("end", RunForm.dateTime(endDate, endTime));
        dates.put("timeZone", timeZone);
        dates.put("version", version);
        return dates;
    }
}
