package dev.courseline.website.staff.leads;

import java.util.Map;

/** A lifecycle button pressed on a lead's page, with the note typed beside it. */
record StatusForm(String status, String note, String version) {

    static final Map<String, String> FIELDS = Map.of("status", "status", "note", "note");
    static final Map<String, String> LABELS = Map.of("status", "Status", "note", "Note");
}
