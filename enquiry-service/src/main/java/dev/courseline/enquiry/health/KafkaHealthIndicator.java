package dev.courseline.enquiry.health;

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
 * Health component {@code kafka}, the broker the outbox relay publishes to, in the health group {@code broker}.
 * Neither liveness nor readiness: during a broker outage the outbox keeps taking requests, so the pods stay in
 * service.
 * One describe-cluster answers every probe for {@code enquiry.kafka-health.cache-for}, failures included,
 * so public health hits cost the broker nothing more and a dead broker no timeout per probe.
 */
@Component("kafkaHealthIndicator")
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private final AdminClient admin;
    private final Mono<Cluster> cluster;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${enquiry.kafka-health.timeout}") Duration timeout,
            @Value("${enquiry.kafka-health.cache-for}") Duration cacheFor) {
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
