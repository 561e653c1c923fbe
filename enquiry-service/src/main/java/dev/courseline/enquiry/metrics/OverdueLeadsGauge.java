package dev.courseline.enquiry.metrics;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.lead.Lead;
import dev.courseline.enquiry.lead.LeadProperties;
import dev.courseline.enquiry.lead.LeadStatus;
import reactor.core.publisher.Mono;

/**
 * {@code courseline_leads_overdue} by team: leads still NEW past their respond-by time. Every team the routing knows
 * shows 0 when it has none, so an alert on it has a series to read.
 */
@Component
class OverdueLeadsGauge implements StoreGauge {

    private static final String LEAD = Lead.FIELD + ".";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Long> noneOverdue = new HashMap<>();
    private final MultiGauge overdue;

    OverdueLeadsGauge(MeterRegistry registry, ReactiveMongoTemplate mongo, LeadProperties leads, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        noneOverdue.put(leads.defaultTeam(), 0L);
        leads.rules().forEach(rule -> noneOverdue.put(rule.team(), 0L));
        this.overdue = MultiGauge.builder("courseline.leads.overdue")
                .description("Leads nobody answered by their respond-by time").register(registry);
    }

    @Override
    public Mono<Void> refresh() {
        Aggregation byTeam = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(LEAD + "status").is(LeadStatus.NEW.name())
                        .and(LEAD + "respondBy").lt(Date.from(clock.instant()))),
                Aggregation.group(LEAD + "team").count().as("overdue"));
        return mongo.aggregate(byTeam, Enquiry.COLLECTION, Document.class)
                .collectMap(group -> String.valueOf(group.get("_id")),
                        group -> ((Number) group.get("overdue")).longValue())
                .doOnNext(counts -> {
                    Map<String, Long> all = new HashMap<>(noneOverdue);
                    all.putAll(counts);
                    overdue.register(all.entrySet().stream()
                            .map(team -> MultiGauge.Row.of(Tags.of("team", team.getKey()), team.getValue()))
                            .toList(), true);
                })
                .then();
    }
}
