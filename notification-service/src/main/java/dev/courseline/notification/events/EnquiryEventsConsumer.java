package dev.courseline.notification.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.courseline.notification.compose.NotificationPlanner;
import dev.courseline.notification.dispatch.Dispatcher;
import dev.courseline.notification.erasure.ErasureRecords;
import dev.courseline.notification.erasure.PersonalDataEraser;
import dev.courseline.notification.notification.Lease;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;
import dev.courseline.notification.observability.TraceContexts;

/**
 * The {@code enquiryEvents} function bound to the {@code enquiries} topic. It only records which emails to send (one
 * document per event, kind and recipient, under a unique index, so a redelivered event records nothing new) and
 * leaves the sending to the {@link Dispatcher}: a slow mail server can never hold up the partition or cause a
 * rebalance. It records them already leased to the dispatcher and hands it the new ones as they are, so they are sent
 * without being claimed or read back; those the dispatcher never gets to (it is stopping, the process dies) wait for
 * the lease to run out, and then the sweep sends them. An exception here makes the binder retry, and a
 * {@link MalformedEventException} goes to the dead-letter topic at once. Its store work is one reactive chain that the
 * listener thread waits for, at most {@code courseline.notification.record-timeout}: the container commits the offset
 * only once the record is processed, and a store that never answers becomes a failure it retries.
 */
@Component("enquiryEvents")
public class EnquiryEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EnquiryEventsConsumer.class);

    private final NotificationPlanner planner;
    private final NotificationStore store;
    private final Dispatcher dispatcher;
    private final PersonalDataEraser eraser;
    private final ErasureRecords erasures;
    private final Retry erasureRetry;
    private final EventPayloadReader reader;
    private final Clock clock;
    private final TraceContexts traces;
    private final Duration recordTimeout;

    public EnquiryEventsConsumer(NotificationPlanner planner, NotificationStore store, Dispatcher dispatcher,
            PersonalDataEraser eraser, EventPayloadReader reader, Clock clock, ErasureRecords erasures,
            TraceContexts traces,
            @Value("${courseline.notification.erasure-retry.initial-delay:PT0.5S}") Duration erasureRetryDelay,
            @Value("${courseline.notification.erasure-retry.max-delay:PT30S}") Duration erasureRetryMaxDelay,
            @Value("${courseline.notification.record-timeout:PT1M}") Duration recordTimeout) {
        this.erasures = erasures;
        this.erasureRetry = Retry.backoff(Long.MAX_VALUE, erasureRetryDelay).maxBackoff(erasureRetryMaxDelay)
                .doBeforeRetry(failure -> log.warn("Erasure failed ({}); trying again", failure.failure().toString()));
        this.planner = planner;
        this.store = store;
        this.dispatcher = dispatcher;
        this.eraser = eraser;
        this.reader = reader;
        this.clock = clock;
        this.traces = traces;
        this.recordTimeout = recordTimeout;
    }

    @Override
    public void accept(Message<byte[]> message) {
        try {
            record(CloudEvent.from(message)).block(recordTimeout);
        } catch (MalformedEventException e) {
            log.warn("Dead-lettering a record that can never be processed: {}", e.getMessage());
            throw e;
        }
    }

    /** Parses and plans at once, so a record that can never be processed throws here; the store work is returned. */
    private Mono<Void> record(CloudEvent event) {
        if (EventTypes.PERSON_ERASED.equals(event.type())) {
            return erase(reader.read(event, PersonErased.class));
        }
        Instant now = clock.instant();
        Lease lease = dispatcher.leaseForFresh();
        // The binder's observation made the record's consumer span current: the emails are sent in its trace.
        String traceparent = traces.current();
        List<Notification> notifications = planner.emailsFor(event).stream()
                .map(email -> Notification.leased(event.id(), event.type(), event.time(), email, now, lease,
                        traceparent))
                .toList();
        return store.recordAllIfAbsent(notifications)
                .doOnNext(recorded -> {
                    if (recorded.size() < notifications.size()) {
                        log.info("Event {} was seen before: {} of its {} emails were already recorded", event.id(),
                                notifications.size() - recorded.size(), notifications.size());
                    }
                })
                .flatMap(recorded -> withoutErasedPeople(event, recorded))
                .doOnNext(dispatcher::submitLeased)
                .then();
    }

    /**
     * An erasure is never dead-lettered: a store that fails now is retried (with back-off, for as long as it takes),
     * so the person's data cannot outlive the request. The record of the erasure comes first, so emails of this
     * person's earlier events that arrive later are never sent.
     */
    private Mono<Void> erase(PersonErased erased) {
        Instant erasedAt = erased.erasedAt() != null ? erased.erasedAt() : clock.instant();
        return erasures.remember(erased.emailSha256(), erasedAt)
                .then(eraser.erase(erased.emailSha256()))
                .retryWhen(erasureRetry)
                .then();
    }

    /** The emails to send: those of a person erased since the event happened are erased instead, never sent. */
    private Mono<List<Notification>> withoutErasedPeople(CloudEvent event, List<Notification> recorded) {
        Set<String> people = recorded.stream().flatMap(notification -> notification.personEmailHashes() == null
                ? Stream.empty()
                : notification.personEmailHashes().stream()).collect(Collectors.toSet());
        return erasures.erasedSince(people, event.time()).defaultIfEmpty(Set.of()).flatMap(erased -> {
            if (erased.isEmpty()) {
                return Mono.just(recorded);
            }
            Map<Boolean, List<Notification>> split = recorded.stream()
                    .collect(Collectors.partitioningBy(notification -> notification.personEmailHashes() != null
                            && notification.personEmailHashes().stream().anyMatch(erased::contains)));
            return eraser.eraseAll(split.get(true))
                    .doOnNext(count -> log.info("Event {} is about a person erased since: {} email(s) erased unsent",
                            event.id(), split.get(true).size()))
                    .thenReturn(split.get(false));
        });
    }
}
