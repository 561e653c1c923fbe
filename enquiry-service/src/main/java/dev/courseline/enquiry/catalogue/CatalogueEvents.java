package dev.courseline.enquiry.catalogue;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code catalogue.offerings} (binding {@code catalogueOfferings-in-0}, group {@code enquiry-service}, from the
 * earliest offset) into this service's view of courses and runs. Every record carries the full current state with a
 * version, and older versions are ignored, so replays and redeliveries change nothing. A record that can never be
 * processed goes to {@code catalogue.offerings.enquiry-service.dlq} after one attempt; a store outage is retried
 * until the store is back (see deadletter/ConsumerErrorHandling).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogueEvents {

    private static final String COURSE_PREFIX = "courseline.catalogue.course-";
    private static final String RUN_PREFIX = "courseline.catalogue.run-";
    private static final Logger log = LoggerFactory.getLogger(CatalogueEvents.class);

    @Bean
    Consumer<Message<byte[]>> catalogueOfferings(JsonMapper json, CatalogueView courses,
            ObjectProvider<RunCatalogueListener> runListeners) {
        return message -> {
            String type = CloudEventMessageUtils.getType(message);
            if (type == null || type.isBlank()) {
                throw new MalformedCatalogueRecordException("A catalogue record without ce_type (key "
                        + message.getHeaders().get("kafka_receivedMessageKey") + ")");
            }
            if (type.startsWith(COURSE_PREFIX)) {
                courses.apply(json.readValue(message.getPayload(), CoursePayload.class).toCourse()).block();
            } else if (type.startsWith(RUN_PREFIX)) {
                RunPayload run = json.readValue(message.getPayload(), RunPayload.class);
                runListeners.orderedStream().forEach(listener -> listener.apply(run));
            } else {
                log.debug("Ignoring catalogue event type {}", type);
            }
        };
    }
}
