package dev.courseline.notification.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import dev.courseline.notification.compose.NotificationPlanner;
import dev.courseline.notification.dispatch.Dispatcher;
import dev.courseline.notification.erasure.PersonalDataEraser;
import dev.courseline.notification.notification.Lease;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;
import dev.courseline.notification.observability.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The {@code enquiryEvents} function bound to the {@code enquiries} topic. It only records which emails to send (one
 * document per event, kind and recipient, under a unique index, so a redelivered event records nothing new) and
 * leaves the sending to the {@link Dispatcher}: a slow mail server can never hold up the partition or cause a
 * rebalance. It records them already leased to the dispatcher and hands it the new ones as they are, so they are sent
 * without being claimed or read back; those the dispatcher never gets to (it is stopping, the process dies) wait for
 * the lease to run out, and then the sweep sends them. An exception here makes the binder retry, and a
 * {@link MalformedEventException} goes to the dead-letter topic at once.
 */
@Component("enquiryEvents")
public class EnquiryEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EnquiryEventsConsumer.class);

    private final NotificationPlanner planner;
    private final NotificationStore store;
    private final Dispatcher dispatcher;
    private final PersonalDataEraser eraser;
    private final EventPayloadReader reader;
    private final Clock clock;
    private final TraceContexts traces;

    public EnquiryEventsConsumer(NotificationPlanner planner, NotificationStore store, Dispatcher dispatcher,
            PersonalDataEraser eraser, EventPayloadReader reader, Clock clock, TraceContexts traces) {
        this.planner = planner;
        this.store = store;
        this.dispatcher = dispatcher;
        this.eraser = eraser;
        this.reader = reader;
        this.clock = clock;
        this.traces = traces;
    }

    @Override
    public void accept(Message<byte[]> message) {
        try {
            record(CloudEvent.from(message));
        } catch (MalformedEventException e) {
            log.warn("Dead-lettering a record that can never be processed: {}", e.getMessage());
            throw e;
        }
    }

    private void record(CloudEvent event) {
        if (EventTypes.PERSON_ERASED.equals(event.type())) {
            eraser.erase(reader.read(event, PersonErased.class).emailSha256()).block();
            return;
        }
        Instant now = clock.instant();
        Lease lease = dispatcher.leaseForFresh();
        // The binder's observation made the record's consumer span current: the emails are sent in its trace.
        String traceparent = traces.current();
        List<Notification> notifications = planner.emailsFor(event).stream()
                .map(email -> Notification.leased(event.id(), event.type(), email, now, lease, traceparent))
                .toList();
        List<Notification> recorded = store.recordAllIfAbsent(notifications);
        if (recorded.size() < notifications.size()) {
            log.info("Event {} was seen before: {} of its {} emails were already recorded", event.id(),
                    notifications.size() - recorded.size(), notifications.size());
        }
        dispatcher.submitLeased(recorded);
    }
}
