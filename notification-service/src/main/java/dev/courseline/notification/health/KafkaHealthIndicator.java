package dev.courseline.notification.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code kafka} health component, part of readiness: without the broker no event reaches this service, so it
 * should not be counted as ready. Liveness leaves it out, so a broker outage never restarts the pods.
 */
@Component("kafkaHealthIndicator")
public class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final AdminClient admin;
    private final Mono<Health> cached;

    public KafkaHealthIndicator(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${courseline.notification.kafka-health-cache-for:5s}") Duration cacheFor) {
        this.admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
        // One describe-cluster answers every probe for a while, so public health hits cost the broker nothing more.
        this.cached = describe().cache(health -> cacheFor, failure -> cacheFor, () -> Duration.ZERO);
    }

    @Override
    public Mono<Health> health() {
        return cached;
    }

    private Mono<Health> describe() {
        return Mono.fromCallable(() -> {
                    var cluster = admin.describeCluster(new DescribeClusterOptions()
                            .timeoutMs((int) TIMEOUT.toMillis()));
                    String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                    return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
