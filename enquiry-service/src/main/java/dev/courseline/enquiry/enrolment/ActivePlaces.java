package dev.courseline.enquiry.enrolment;

import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.abuse.AbuseProperties;
import dev.courseline.enquiry.web.TitledProblem;

/**
 * The bound on the confirmed and waitlisted places one email holds across all runs, so one sender cannot take every
 * seat of a run or fill its waitlist. An email holds at most one active place per run, so the runs with an active
 * enrolment of it are its places. Two enrolments of one email sent at the same instant to different runs may both
 * pass; the per-email rate limit keeps that small.
 */
@Component
class ActivePlaces {

    private final ReactiveMongoTemplate mongo;
    private final int maxPerEmail;

    ActivePlaces(ReactiveMongoTemplate mongo, AbuseProperties properties) {
        this.mongo = mongo;
        this.maxPerEmail = properties.enrolments().maxActivePerEmail();
    }

    Mono<Void> checkRoomFor(String emailSha256) {
        if (maxPerEmail <= 0) {
            return Mono.empty();
        }
        Query active = Query.query(Criteria.where("enrolments").elemMatch(Criteria.where("emailSha256").is(emailSha256)
                .and("status").in(List.of(EnrolmentStatus.CONFIRMED.name(), EnrolmentStatus.WAITLISTED.name()))));
        return mongo.count(active, RunSeats.class).flatMap(count -> count < maxPerEmail
                ? Mono.<Void>empty()
                : Mono.error(new TitledProblem(HttpStatus.CONFLICT, "Too many active enrolments",
                        "This email already holds " + count + " enrolments or waitlist places, the most we take "
                                + "for one person. Cancel one of them to enrol on another date.")));
    }
}
