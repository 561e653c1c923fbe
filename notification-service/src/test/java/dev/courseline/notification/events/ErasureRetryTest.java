package dev.courseline.notification.events;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

import jakarta.validation.Validation;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.notification.compose.NotificationPlanner;
import dev.courseline.notification.dispatch.Dispatcher;
import dev.courseline.notification.erasure.ErasureRecords;
import dev.courseline.notification.erasure.PersonalDataEraser;
import dev.courseline.notification.notification.NotificationStore;
import dev.courseline.notification.observability.TraceContexts;

/** A store failing for a while makes the erasure wait and try again, in the listener: it never reaches the DLQ. */
class ErasureRetryTest {

    @Test
    void anErasureThatFailsForAWhileIsRetriedUntilItSucceeds() {
        PersonalDataEraser eraser = mock(PersonalDataEraser.class);
        ErasureRecords records = mock(ErasureRecords.class);
        AtomicInteger attempts = new AtomicInteger();
        when(records.remember(anyString(), any())).thenReturn(Mono.defer(() -> attempts.incrementAndGet() <= 5
                ? Mono.error(new IllegalStateException("store unavailable"))
                : Mono.empty()));
        when(eraser.erase(anyString())).thenReturn(Mono.just(0L));
        EnquiryEventsConsumer consumer = new EnquiryEventsConsumer(mock(NotificationPlanner.class),
                mock(NotificationStore.class), mock(Dispatcher.class), eraser,
                new EventPayloadReader(JsonMapper.builder().build(),
                        Validation.buildDefaultValidatorFactory().getValidator()),
                Clock.systemUTC(), records, mock(TraceContexts.class), Duration.ofMillis(5), Duration.ofMillis(20),
                Duration.ofSeconds(30));
        String hash = "a".repeat(64);
        var message = MessageBuilder
                .withPayload(("{\"emailSha256\":\"" + hash + "\",\"erasedAt\":\"2026-12-01T10:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", "erasure-1").setHeader("ce_type", EventTypes.PERSON_ERASED).build();

        assertThatNoException().isThrownBy(() -> consumer.accept(message));

        verify(records, times(1)).remember(anyString(), any());
        verify(eraser).erase(hash);
        org.assertj.core.api.Assertions.assertThat(attempts).hasValue(6);
    }
}
