package dev.courseline.notification.config;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who gets which email, and how the dispatcher behaves. Sales routing is configuration so that a new team or a new
 * address is a deployment change, not a code change. {@code websitePublicUrl} is where the links in emails go.
 */
@ConfigurationProperties("courseline.notification")
public record NotificationProperties(
        String sender,
        String websitePublicUrl,
        Sales sales,
        Dispatch dispatch) {

    /** The sales teams the enquiry service routes leads to, by team name as it appears in the events. */
    public record Sales(String defaultTeam, Map<String, Team> teams) {

        public Team team(String name) {
            Team team = name == null ? null : teams.get(name);
            return team != null ? team : teams.get(defaultTeam);
        }
    }

    /** A team's shared inbox, and its team lead, who is told about leads nobody answered in time. */
    public record Team(String address, String lead) {
    }

    public record Dispatch(
            @DefaultValue("8") int workers,
            @DefaultValue("PT2M") Duration lease,
            @DefaultValue("PT15S") Duration sweepInterval,
            @DefaultValue("PT10S") Duration idleConnectionClose,
            Retry retry) {
    }

    /** Exponential back-off between delivery attempts while the mail server fails temporarily. */
    public record Retry(
            @DefaultValue("PT2S") Duration initialDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("PT5M") Duration maxDelay,
            @DefaultValue("15") int maxAttempts) {
    }
}
