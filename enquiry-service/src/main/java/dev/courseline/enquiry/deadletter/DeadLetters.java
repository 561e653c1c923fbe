package dev.courseline.enquiry.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lists a dead-letter topic and replays its records to the topic each came from. A replay is recorded first, under the
 * dead letter's id, so two replays of one record (two staff, two clicks, two instances) publish it once; should the
 * publish fail, the mark is removed again. The consumers' own deduplication makes a replay of an event that was partly
 * processed safe.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterKafka kafka;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public DeadLetters(DeadLetterKafka kafka, ReactiveMongoTemplate mongo, Clock clock) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The newest {@code limit} dead letters of the topic, newest first, with their replay if any. */
    public Mono<List<DeadLetter>> list(String topic, int limit) {
        return Mono.fromCallable(() -> kafka.readAll(topic, limit))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(records -> replaysOf(records.stream().map(DeadLetters::idOf).toList())
                        .map(replays -> records.stream()
                                .map(record -> view(record, replays.get(idOf(record))))
                                .toList()));
    }

    /** Empty when the topic has no such record. */
    public Mono<DeadLetter> find(String topic, int partition, long offset) {
        return read(topic, partition, offset)
                .flatMap(record -> mongo.findById(idOf(record), DeadLetterReplay.class)
                        .map(replay -> view(record, replay))
                        .defaultIfEmpty(view(record, null)));
    }

    /**
     * Publishes the record again to its original topic, with its key, value and headers (less the dead-letter
     * ones, plus {@link DeadLetterHeaders#REPLAYED_FROM}); empty when there is no such record, and
     * {@link AlreadyReplayedException} when it was replayed before.
     */
    public Mono<DeadLetter> replay(String topic, int partition, long offset, String replayedBy) {
        return read(topic, partition, offset).flatMap(record -> {
            String id = idOf(record);
            String originalTopic = DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC);
            if (originalTopic == null) {
                return Mono.error(new IllegalStateException("Dead letter " + id + " does not say where it came from"));
            }
            DeadLetterReplay replay = new DeadLetterReplay(id, topic,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), replayedBy);
            return mongo.insert(replay)
                    .onErrorMap(DuplicateKeyException.class, duplicate -> new AlreadyReplayedException(id))
                    .then(Mono.fromRunnable(() -> kafka.publish(replayOf(record, originalTopic, id)))
                            .subscribeOn(Schedulers.boundedElastic()))
                    .onErrorResume(failure -> failure instanceof AlreadyReplayedException
                            ? Mono.error(failure)
                            : mongo.remove(new Query(Criteria.where("_id").is(id)), DeadLetterReplay.class)
                                    .then(Mono.error(failure)))
                    .doOnSuccess(done -> log.info("Replayed dead letter {} of {} to {} ({})", id, topic,
                            originalTopic, replayedBy))
                    .thenReturn(view(record, replay));
        });
    }

    private Mono<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
        return Mono.fromCallable(() -> kafka.read(new TopicPartition(topic, partition), offset))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    private Mono<Map<String, DeadLetterReplay>> replaysOf(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(new Query(Criteria.where("_id").in(ids)), DeadLetterReplay.class)
                .collectMap(DeadLetterReplay::id, Function.identity());
    }

    private static ProducerRecord<String, byte[]> replayOf(ConsumerRecord<String, byte[]> record, String originalTopic,
            String id) {
        List<Header> headers = StreamSupport.stream(record.headers().spliterator(), false)
                .filter(header -> !header.key().startsWith(DeadLetterHeaders.PREFIX))
                .collect(Collectors.toList());
        headers.add(new RecordHeader(DeadLetterHeaders.REPLAYED_FROM,
                (record.topic() + "/" + id).getBytes(StandardCharsets.UTF_8)));
        // No partition: the key picks it, as it did for the original.
        return new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers);
    }

    static String idOf(ConsumerRecord<?, ?> record) {
        return record.partition() + "-" + record.offset();
    }

    private static DeadLetter view(ConsumerRecord<String, byte[]> record, DeadLetterReplay replay) {
        var headers = record.headers();
        Long originalPartition = DeadLetterHeaders.number(headers, DeadLetterHeaders.ORIGINAL_PARTITION);
        return new DeadLetter(idOf(record), record.topic(), record.partition(), record.offset(), record.key(),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.ORIGINAL_TOPIC),
                originalPartition == null ? null : originalPartition.intValue(),
                DeadLetterHeaders.number(headers, DeadLetterHeaders.ORIGINAL_OFFSET),
                DeadLetterHeaders.text(headers, "ce_type"), DeadLetterHeaders.text(headers, "ce_id"),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_FQCN),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()),
                Optional.ofNullable(replay).map(DeadLetterReplay::replayedAt).orElse(null),
                Optional.ofNullable(replay).map(DeadLetterReplay::replayedBy).orElse(null));
    }

    /** The dead letter was replayed before; it is not replayed twice. */
    public static class AlreadyReplayedException extends RuntimeException {

        public AlreadyReplayedException(String id) {
            super("Dead letter " + id + " was already replayed.");
        }
    }
}
