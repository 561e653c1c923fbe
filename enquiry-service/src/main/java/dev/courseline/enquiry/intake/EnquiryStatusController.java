package dev.courseline.enquiry.intake;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.lead.Lead;
import dev.courseline.enquiry.web.NotFoundException;

@RestController
public class EnquiryStatusController {

    private final ReactiveMongoTemplate mongo;

    public EnquiryStatusController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** {@code delivered} turns true once the enquiry's event has been acknowledged by the broker. */
    @GetMapping("/api/enquiries/{id}")
    public Mono<EnquiryStatus> status(@PathVariable String id) {
        return mongo.findById(id, Enquiry.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No enquiry " + id)))
                .flatMap(enquiry -> respondBy(enquiry).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(respondBy -> new EnquiryStatus(enquiry.id(), enquiry.kind(), enquiry.receivedAt(),
                                status(enquiry),
                                respondBy.orElse(null), enquiry.duplicateOf(),
                                enquiry.pendingEvents() == null || enquiry.pendingEvents().isEmpty())));
    }

    /** A quarantined enquiry has no lead until released, and answers as a new one does: the requester sees no mark. */
    private static String status(Enquiry enquiry) {
        if (enquiry.duplicateOf() != null) {
            return "DUPLICATE";
        }
        return enquiry.lead() == null ? "NEW" : enquiry.lead().status().name();
    }

    /** A duplicate has no lead of its own: the lead of the enquiry it repeats answers it, by that lead's deadline. */
    private Mono<Instant> respondBy(Enquiry enquiry) {
        if (enquiry.lead() != null) {
            return Mono.justOrEmpty(enquiry.lead().respondBy());
        }
        if (enquiry.duplicateOf() == null) {
            return Mono.empty();
        }
        Query first = Query.query(Criteria.where("_id").is(enquiry.duplicateOf()));
        first.fields().include(Lead.FIELD + ".respondBy");
        return mongo.findOne(first, Document.class, Enquiry.COLLECTION)
                .mapNotNull(document -> document.get(Lead.FIELD, Document.class))
                .mapNotNull(lead -> lead.get("respondBy", Date.class))
                .map(Date::toInstant);
    }
}
