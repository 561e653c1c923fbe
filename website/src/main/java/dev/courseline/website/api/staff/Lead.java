package dev.courseline.website.api.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A lead as the enquiry service's staff API shows it: the enquiry behind it, who asked, and where it stands. */
public record Lead(String leadId, String enquiryId, String kind, String status, String team, String routingReason,
        Instant receivedAt, Instant respondBy, boolean overdue, Organisation organisation, Contact contact,
        Programme programme, Integer teamSize, String deliveryMode, String location, String preferredDates,
        Budget budget, String plan, String message, List<Related> relatedEnquiries, List<Change> history,
        Instant updatedAt) {

    public record Organisation(String name, String country) {
    }

    public record Contact(String name, String email, String phone, String jobTitle) {
    }

    public record Programme(String slug, String title) {
    }

    public record Budget(BigDecimal amount, String currency) {
    }

    public record Related(String enquiryId, String kind, Instant receivedAt, String organisation, String summary) {
    }

    /** One change of the lead: what changed, who made it, when, and their note. */
    public record Change(Instant at, String by, String what, String from, String to, String note) {
    }

    public boolean isClosed() {
        return "WON".equals(status) || "LOST".equals(status);
    }
}
