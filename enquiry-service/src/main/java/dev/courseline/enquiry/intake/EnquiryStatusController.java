package dev.courseline.enquiry.intake;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.courseline.enquiry.web.NotFoundException;
import reactor.core.publisher.Mono;

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
                .map(enquiry -> new EnquiryStatus(enquiry.id(), enquiry.kind(), enquiry.receivedAt(),
                        enquiry.duplicateOf() != null ? "DUPLICATE" : enquiry.lead().status().name(),
                        enquiry.duplicateOf(),
                        enquiry.pendingEvents() == null || enquiry.pendingEvents().isEmpty()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No enquiry " + id)));
    }
}
