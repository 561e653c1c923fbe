package dev.courseline.notification.erasure;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.notification.notification.Attempt;
import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStore;

/**
 * Carries out a person's erasure in the delivery log: every stored email that carries their data (found by the hash
 * of their email, and, through the lead or enrolment those emails were about, the escalations that only name them)
 * keeps its delivery history but loses its recipient, subject, bodies, calendar file and error texts.
 */
@Component
public class PersonalDataEraser {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataEraser.class);
    private static final EmailContent ERASED = new EmailContent("[erased]",
            "This email was removed after a personal data erasure request.", null, null);

    private final NotificationStore store;
    private final Clock clock;

    public PersonalDataEraser(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Mono<Long> erase(String emailSha256) {
        return store.findByPerson(emailSha256)
                .collectList()
                .flatMapMany(direct -> {
                    Set<String> aboutIds = direct.stream().map(Notification::aboutId).collect(Collectors.toSet());
                    return Flux.concat(Flux.fromIterable(direct), store.findByAboutIds(aboutIds))
                            .distinct(Notification::id);
                })
                .concatMap(this::erase)
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(count -> log.info("Erased personal data from {} notifications", count));
    }

    /** Erases these notifications at once, before they are ever sent (their person was erased meanwhile). */
    public Mono<Long> eraseAll(List<Notification> notifications) {
        return Flux.fromIterable(notifications).concatMap(this::erase).filter(Boolean::booleanValue).count();
    }

    private Mono<Boolean> erase(Notification notification) {
        List<Attempt> attempts = notification.attempts() == null
                ? List.of()
                : notification.attempts().stream().map(a -> new Attempt(a.at(), a.outcome(), null)).toList();
        return store.erase(notification, ERASED, "erased:" + notification.id(), attempts, clock.instant());
    }
}
