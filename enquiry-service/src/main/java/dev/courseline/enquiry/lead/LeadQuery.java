package dev.courseline.enquiry.lead;

import java.util.ArrayList;
import java.util.List;

import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.web.FieldProblem;
import dev.courseline.enquiry.web.RequestValidator;

/** What {@code GET /api/leads} asks for, read from its query parameters as sent. */
record LeadQuery(LeadStatus status, String team, EnquiryKind kind, int page, int size) {

    static final int MAX_SIZE = 200;

    /**
     * Reads the query parameters (status and kind absent or empty for any); throws an
     * {@link dev.courseline.enquiry.web.InvalidRequestException} naming every bad one.
     */
    static LeadQuery of(String status, String team, String kind, String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        LeadQuery query = new LeadQuery(
                RequestValidator.constantOf(LeadStatus.class, "status", status, problems),
                team,
                RequestValidator.constantOf(EnquiryKind.class, "kind", kind, problems),
                RequestValidator.wholeNumber("page", page, 0, Integer.MAX_VALUE, problems),
                RequestValidator.wholeNumber("size", size, 1, MAX_SIZE, problems));
        RequestValidator.throwIfAny(problems);
        return query;
    }
}
