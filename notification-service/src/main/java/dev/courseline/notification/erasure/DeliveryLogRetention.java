package dev.courseline.notification.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;

/**
 * Retention of the delivery log: an email sent or failed longer ago than {@code NOTIFICATION_RETENTION} loses its
 * personal data as an erased one does, keeping its delivery history. Emails still to be sent are left alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DeliveryLogRetention implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogRetention.class);
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final PersonalDataEraser eraser;
    private final Duration retention;
    private final Clock clock;
    /** Set while a run is going, so that a slow one is never overlapped by the next. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final Disposable.Swap run = Disposables.swap();

    public DeliveryLogRetention(ReactiveMongoTemplate mongo, PersonalDataEraser eraser,
            @Value("${courseline.notification.retention:365d}") Duration retention, Clock clock) {
        this.mongo = mongo;
        this.eraser = eraser;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${courseline.notification.retention-check-interval:1h}", initialDelayString = "1m")
    public void applyRetention() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        run.update(apply(clock.instant())
                .doFinally(signal -> running.set(false))
                .subscribe(erased -> {
                    if (erased > 0) {
                        log.info("Retention erased the personal data of {} notification(s)", erased);
                    }
                }, failure -> log.warn("Retention could not run, trying again at the next check: {}",
                        failure.getMessage())));
    }

    /** A run still going when the service stops is dropped; the next start's check picks up where it left off. */
    @Override
    public void destroy() {
        run.dispose();
    }

    /** Erases every finished notification recorded before {@code now} minus the retention period; returns how many. */
    public Mono<Long> apply(Instant now) {
        Query expired = new Query(where("createdAt").lt(now.minus(retention))
                .and("status").in(List.of(NotificationStatus.SENT, NotificationStatus.FAILED))
                .and("erasedAt").is(null)).limit(BATCH);
        return mongo.find(expired, Notification.class).collectList()
                .flatMap(batch -> batch.isEmpty()
                        ? Mono.just(0L)
                        : eraser.eraseAll(batch).flatMap(count -> count == 0 || batch.size() < BATCH
                                ? Mono.just(count)
                                : apply(now).map(more -> count + more)));
    }
}
