package dev.courseline.enquiry.lead;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.courseline.enquiry.intake.EnquiryKind;

/** How leads are routed and how long sales has to answer them. */
@ConfigurationProperties("enquiry.leads")
public record LeadProperties(int respondWithinWorkingDays, ZoneId businessTimeZone, Duration overdueCheckInterval,
        String defaultTeam, List<Rule> rules) {

    public LeadProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * One routing rule; every condition given must hold. {@code description} becomes the lead's routing reason.
     */
    public record Rule(String team, String description, Set<EnquiryKind> kinds, Set<String> countries,
            Set<String> programmes, Integer minTeamSize, Integer maxTeamSize) {
    }
}
