package dev.courseline.catalogue.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

import dev.courseline.catalogue.events.Topics;
import dev.courseline.catalogue.observability.Traceparent;

/**
 * Maps a pending event to a CloudEvents 1.0 record in Kafka binary mode ({@code ce_} headers, {@code content-type}),
 * written by the CloudEvents SDK's Kafka binding, as the conventions define it.
 */
final class CloudEventRecords {

    static final URI SOURCE = URI.create("/courseline/catalogue-service");

    private CloudEventRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(event.eventId()).withType(event.type())
                .withSource(SOURCE).withTime(event.occurredAt().atOffset(ZoneOffset.UTC)).withSubject(event.key())
                .withDataContentType("application/json")
                .withData(event.payload().getBytes(StandardCharsets.UTF_8));
        // The CloudEvents distributed-tracing extension: the context the event was created in, the first hop's.
        if (event.traceparent() != null) {
            builder.withExtension(Traceparent.HEADER, event.traceparent());
        }
        return KafkaMessageFactory.<String>createWriter(Topics.CATALOGUE_OFFERINGS, null, null, event.key())
                .writeBinary(builder.build());
    }
}
