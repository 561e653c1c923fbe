package dev.courseline.enquiry.lead;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.courseline.enquiry.intake.EnquiryKind;

/** Routes a new lead with the configured rules: the first rule whose every condition holds wins. */
@Component
public class LeadRouter {

    private final LeadProperties properties;

    public LeadRouter(LeadProperties properties) {
        this.properties = properties;
    }

    /** {@code country}, {@code programme} and {@code teamSize} are null when the enquiry has none (membership). */
    public Routing route(EnquiryKind kind, String country, String programme, Integer teamSize) {
        for (LeadProperties.Rule rule : properties.rules()) {
            if (matches(rule, kind, country, programme, teamSize)) {
                return new Routing(rule.team(), rule.description() != null
                        ? rule.description()
                        : "matched the routing rule for team " + rule.team());
            }
        }
        return new Routing(properties.defaultTeam(), "no routing rule matched; default team");
    }

    private static boolean matches(LeadProperties.Rule rule, EnquiryKind kind, String country, String programme,
            Integer teamSize) {
        if (rule.kinds() != null && !rule.kinds().isEmpty() && !rule.kinds().contains(kind)) {
            return false;
        }
        if (rule.countries() != null && !rule.countries().isEmpty()
                && (country == null || !rule.countries().contains(country.toUpperCase(Locale.ROOT)))) {
            return false;
        }
        if (rule.programmes() != null && !rule.programmes().isEmpty()
                && (programme == null || !rule.programmes().contains(programme))) {
            return false;
        }
        if (rule.minTeamSize() != null && (teamSize == null || teamSize < rule.minTeamSize())) {
            return false;
        }
        return rule.maxTeamSize() == null || (teamSize != null && teamSize <= rule.maxTeamSize());
    }
}
