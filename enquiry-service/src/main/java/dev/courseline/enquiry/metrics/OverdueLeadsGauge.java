package dev.courseline.enquiry.metrics;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.lead.Lead;
import dev.courseline.enquiry.lead.LeadProperties;
import dev.courseline.enquiry.lead.LeadStatus;

/**
 * {@code courseline_leads_overdue} by team: leads still NEW past their respond-by time. Every team the routing knows
 * shows 0 when it has none, so an alert on it has a series to read.
 */
@Component
class OverdueLeadsGauge implements StoreGauge {

    private static final String LEAD = Lead.FIELD + ".";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Set<String> teams = new TreeSet<>();
    private final MultiGauge overdue;

    OverdueLeadsGauge(MeterRegistry registry, ReactiveMongoTemplate mongo, LeadProperties leads, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        teams.add(leads.defaultTeam());
        leads.rules().forEach(rule -> teams.add(rule.team()));
        this.overdue = MultiGauge.builder("courseline.leads.overdue")
                .description("Leads nobody answered by their respond-by time").register(registry);
    }

    /** One count per team, each answered from the {@code lead_inbox_team_respond_by} index alone. */
    @Override
    public Mono<Void> refresh() {
        Date now = Date.from(clock.instant());
        return Flux.fromIterable(teams)
                .concatMap(team -> mongo.count(Query.query(Criteria.where(LEAD + "team").is(team)
                        .and(LEAD + "status").is(LeadStatus.NEW.name())
                        .and(LEAD + "respondBy").lt(now)), Enquiry.COLLECTION)
                        .map(count -> MultiGauge.Row.of(Tags.of("team", team), count)))
                .collectList()
                .doOnNext(rows -> overdue.register(List.copyOf(rows), true))
                .then();
    }
}
