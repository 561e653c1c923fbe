package dev.courseline.minimalintake;

import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * A reference for the intake benchmark, not part of Courseline: the least a Spring Boot WebFlux intake can do, one
 * insert of the request into the store and one acknowledged send to the broker, on the quote endpoint's path. Run
 * with the services' JVM flags against the same local stack, it shows what the framework alone costs next to the
 * bare-Java ceiling, so the enquiry service's figure can be read against both (benchmarks/README.md).
 */
@SpringBootApplication
public class MinimalIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinimalIntakeApplication.class, args);
    }

    @RestController
    static class Intake {

        private final ReactiveMongoTemplate mongo;
        private final KafkaTemplate<String, String> kafka;

        Intake(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka) {
            this.mongo = mongo;
            this.kafka = kafka;
        }

        @PostMapping("/api/enquiries/in-house-quotes")
        Mono<ResponseEntity<Map<String, String>>> take(@RequestBody String body) {
            String id = UUID.randomUUID().toString();
            return mongo.insert(Document.parse(body).append("_id", id), "quotes")
                    .then(Mono.fromFuture(() -> kafka.send("benchmark.minimal-intake", id, body)))
                    .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id)));
        }
    }
}
