package dev.courseline.enquiry.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.courseline.enquiry.observability.Traceparent;

/** Maps a pending event to a CloudEvents 1.0 record in Kafka binary mode, as the conventions define it. */
final class CloudEventRecords {

    static final String SOURCE = "/courseline/enquiry-service";

    private CloudEventRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        List<Header> headers = new ArrayList<>(List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", event.eventId()),
                header("ce_type", event.type()),
                header("ce_source", SOURCE),
                header("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.time())),
                header("ce_subject", event.key()),
                header("content-type", "application/json")));
        // The CloudEvents distributed-tracing extension: the context the event was created in, the first hop's.
        if (event.traceparent() != null) {
            headers.add(header("ce_" + Traceparent.HEADER, event.traceparent()));
        }
        return new ProducerRecord<>(Topics.ENQUIRIES, null, event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
