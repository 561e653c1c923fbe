package dev.courseline.notification.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Health component {@code kafka}, part of readiness: without the broker no event reaches this service, so it
 * should not be counted as ready. Liveness leaves it out, so a broker outage never restarts the pods.
 * One describe-cluster answers every probe for {@code courseline.notification.kafka-health.cache-for}, failures
 * included, so public health hits cost the broker nothing more and a dead broker no timeout per probe.
 */
@Component("kafkaHealthIndicator")
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private final AdminClient admin;
    private final Mono<Cluster> cluster;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${courseline.notification.kafka-health.timeout}") Duration timeout,
            @Value("${courseline.notification.kafka-health.cache-for}") Duration cacheFor) {
        super("Kafka health check failed");
        int timeoutMillis = (int) timeout.toMillis();
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        this.admin = AdminClient.create(config);
        this.cluster = Mono.fromCallable(() -> describe(timeoutMillis))
                .subscribeOn(Schedulers.boundedElastic())
                .cache(answer -> cacheFor, failure -> cacheFor, () -> Duration.ZERO);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return cluster.map(answer -> builder.up().withDetail("clusterId", answer.id())
                .withDetail("brokers", answer.brokers()).build());
    }

    private Cluster describe(int timeoutMillis) throws Exception {
        DescribeClusterResult described = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis));
        return new Cluster(described.clusterId().get(), described.nodes().get().size());
    }

    /** The requests this indicator's client has sent the broker, so a test can see that probes share one. */
    public double requestsSent() {
        return admin.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("request-total")
                        && metric.getKey().group().equals("admin-client-metrics"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }

    private record Cluster(String id, int brokers) {
    }
}
