package dev.courseline.enquiry.deadletter;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;

import dev.courseline.enquiry.catalogue.MalformedCatalogueRecordException;

/**
 * Moves retries and dead-lettering of every consumer binding from the binder into the listener container, where a
 * failure's kind decides (see {@link ConsumerFailures}): a record that can never be processed goes to the binding's
 * dead-letter topic after its one attempt; a failure of the store or another dependency is retried with the binding's
 * back-off ({@code back-off-initial-interval}, {@code -multiplier}, {@code -max-interval}) for as long as it lasts,
 * the partition waiting meanwhile, so an outage dead-letters nothing; anything else gets {@code max-attempts}
 * attempts. Each dead letter is counted in {@code courseline.dead.letters} (Prometheus:
 * {@code courseline_dead_letters_total}, tag {@code topic}, the original topic), and each failed attempt in
 * {@code courseline.consumer.failed.attempts} (tags {@code topic} and {@code kind}).
 */
@Configuration(proxyBeanMethods = false)
class ConsumerErrorHandling {

    static final String DEAD_LETTERS_METRIC = "courseline.dead.letters";
    /** Every failed attempt at a record, tagged with the failure's kind: retries of an outage show up here. */
    static final String FAILED_ATTEMPTS_METRIC = "courseline.consumer.failed.attempts";
    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

    @Bean
    ConsumerFailures consumerFailures() {
        return new ConsumerFailures(List.of(MalformedCatalogueRecordException.class));
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer deadLetterAwareRetries(ConsumerFailures failures, DeadLetterKafka kafka,
            ObjectProvider<MeterRegistry> meters) {
        KafkaTemplate<String, byte[]> deadLetterProducer = kafka.producer();
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    BackOff backOff) {
                configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
            }

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
                MeterRegistry registry = meters.getIfAvailable();
                if (registry != null) {
                    // Exported at 0 from the start, so that an alert on its increase fires at the first dead letter.
                    registry.counter(DEAD_LETTERS_METRIC, "topic", destinationName);
                }
                container.setCommonErrorHandler(errorHandler(failures, deadLetterProducer, dlqDestinationResolver,
                        properties, registry));
            }
        };
    }

    private static DefaultErrorHandler errorHandler(ConsumerFailures failures, KafkaTemplate<String, byte[]> producer,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = dlqDestinationResolver == null
                ? null
                : new DeadLetterPublishingRecoverer(producer, dlqDestinationResolver);
        if (publisher != null) {
            publisher.setHeaderNamesSupplier(DeadLetterHeaders::names);
        }
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            Throwable reason = failures.reason(exception);
            if (publisher == null) {
                log.error("Skipping record {}-{}@{} (no dead-letter topic): {}", record.topic(), record.partition(),
                        record.offset(), reason.toString());
                return;
            }
            log.warn("Dead-lettering record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    reason.toString());
            publisher.accept(record, reason instanceof Exception e ? e : exception);
            if (meters != null) {
                meters.counter(DEAD_LETTERS_METRIC, "topic", record.topic()).increment();
            }
        }, unexpectedFailureBackOff(properties));
        BackOff infrastructure = infrastructureBackOff(properties);
        BackOff never = new FixedBackOff(0, 0);
        handler.setBackOffFunction((record, exception) -> switch (failures.classify(exception)) {
            case NEVER_PROCESSABLE -> never;
            case INFRASTRUCTURE -> infrastructure;
            case UNEXPECTED -> null;
        });
        if (meters != null) {
            handler.setRetryListeners(new RetryListener() {
                @Override
                public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
                    meters.counter(FAILED_ATTEMPTS_METRIC, "topic", record.topic(),
                            "kind", failures.classify(exception).name().toLowerCase(Locale.ROOT)).increment();
                }
            });
        }
        // A failure that changes kind (the store comes back and the record turns out malformed) starts afresh. The
        // kinds are told apart by the back-off function above rather than addNotRetryableExceptions, so that the
        // causes a container wraps around the function's exception are looked through and each attempt is counted.
        handler.setResetStateOnExceptionChange(true);
        return handler;
    }

    /** Without limit: the partition waits until the store (or whatever failed) is back. */
    private static BackOff infrastructureBackOff(ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        ExponentialBackOff backOff = properties == null
                ? new ExponentialBackOff(500, 2.0)
                : new ExponentialBackOff(properties.getBackOffInitialInterval(), properties.getBackOffMultiplier());
        backOff.setMaxInterval(properties == null ? 5000 : properties.getBackOffMaxInterval());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private static BackOff unexpectedFailureBackOff(ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        ExponentialBackOff backOff = (ExponentialBackOff) infrastructureBackOff(properties);
        backOff.setMaxAttempts(Math.max(0, (properties == null ? 3 : properties.getMaxAttempts()) - 1));
        return backOff;
    }
}
