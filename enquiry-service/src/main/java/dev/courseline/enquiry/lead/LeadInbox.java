package dev.courseline.enquiry.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.Enquiry;

/**
 * The sales inbox: leads filtered by team, status, kind, overdue and free text, in respond-by or arrival order. The
 * inbox indexes of {@link Enquiry} lead with team (when one is asked for) and status, then the sort: every query
 * names a status, all of them when none was asked for, so that MongoDB merges the index's per-status runs in sort
 * order instead of sorting the matches, and counts from the index alone.
 *
 * <p>Free text is matched word by word: every folded word typed must start one of the lead's {@link SearchTerms}
 * (an anchored regex per word, which the {@code lead_search} index bounds), so "oka" finds Okafor and "ada.okafor@"
 * its email, but a fragment from inside a word ("kafor") finds nothing.
 */
@Service
public class LeadInbox {

    private static final String LEAD = Lead.FIELD + ".";
    private static final List<LeadStatus> EVERY_STATUS = Arrays.asList(LeadStatus.values());
    private static final String REGEX_SYNTAX = "\\^$.|?*+()[]{}";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public LeadInbox(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** No lead matches overdue with a status other than NEW, nor text of punctuation only (no word to look for). */
    Mono<LeadPage> list(LeadQuery query) {
        Instant now = clock.instant();
        boolean nothingToFind = query.text() != null && SearchTerms.words(query.text()).isEmpty();
        if (nothingToFind || query.overdue() && query.status() != null && query.status() != LeadStatus.NEW) {
            return Mono.just(page(query, List.of(), 0));
        }
        Criteria criteria = criteria(query, now);
        Query find = Query.query(criteria).with(order(query.sort()))
                .skip((long) query.page() * query.size()).limit(query.size());
        return mongo.count(Query.query(criteria), Enquiry.class)
                .zipWith(mongo.find(find, Enquiry.class).map(e -> LeadView.of(e, now)).collectList())
                .map(found -> page(query, found.getT2(), found.getT1()));
    }

    /** Only leads have a status, so the status condition alone keeps duplicates (which have no lead) out. */
    private static Criteria criteria(LeadQuery query, Instant now) {
        Criteria criteria;
        if (query.overdue()) {
            criteria = Criteria.where(LEAD + "status").is(LeadStatus.NEW).and(LEAD + "respondBy").lt(now);
        } else if (query.status() != null) {
            criteria = Criteria.where(LEAD + "status").is(query.status());
        } else {
            criteria = Criteria.where(LEAD + "status").in(EVERY_STATUS);
        }
        if (query.team() != null) {
            criteria.and(LEAD + "team").is(query.team());
        }
        if (query.kind() != null) {
            criteria.and("kind").is(query.kind());
        }
        if (query.text() != null) {
            criteria.and(SearchTerms.FIELD).all(SearchTerms.words(query.text()).stream()
                    .map(word -> Pattern.compile("^" + escape(word))).toArray());
        }
        return criteria;
    }

    private static Sort order(LeadSort sort) {
        return switch (sort) {
            case respondBy -> Sort.by(Sort.Direction.ASC, LEAD + "respondBy", "_id");
            case receivedAt -> Sort.by(Sort.Direction.DESC, "receivedAt", "_id");
        };
    }

    /** The text as a regular expression matching itself: every character that means something there is escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (REGEX_SYNTAX.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static LeadPage page(LeadQuery query, List<LeadView> items, long total) {
        return new LeadPage(items, query.page(), query.size(), total, query.team(), query.sort());
    }
}
