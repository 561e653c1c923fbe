package dev.courseline.enquiry.lead;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of a lead's history, kept in the lead itself and written by the same update as the change it records.
 * {@code by} is the staff member's username (null for {@code received}, which the requester caused); {@code from}
 * and {@code to} are statuses for {@code status}, teams for {@code team}, and the first team for {@code received},
 * whose note is the routing reason.
 */
public record LeadChange(Instant at, String by,
        @Schema(allowableValues = {
                RECEIVED, STATUS, TEAM}) String what,
        String from, String to, String note) {

    public static final String RECEIVED = "received";
    public static final String STATUS = "status";
    public static final String TEAM = "team";

    static LeadChange received(Instant at, String team, String routingReason) {
        return new LeadChange(at, null, RECEIVED, null, team, routingReason);
    }

    static LeadChange status(Instant at, String by, LeadStatus from, LeadStatus to, String note) {
        return new LeadChange(at, by, STATUS, from.name(), to.name(), note);
    }

    static LeadChange team(Instant at, String by, String from, String to, String reason) {
        return new LeadChange(at, by, TEAM, from, to, reason);
    }
}
