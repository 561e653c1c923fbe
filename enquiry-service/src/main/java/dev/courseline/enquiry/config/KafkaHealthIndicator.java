package dev.courseline.enquiry.config;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The state of the broker the outbox relay publishes to, as {@code kafka} in the health group {@code broker}. Neither
 * liveness nor readiness: during a broker outage the outbox keeps taking requests, so the pods stay in service.
 * One describe-cluster answers every probe for {@code enquiry.kafka-health.cache-for}, so public health hits cost
 * the broker nothing more.
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private final AdminClient admin;
    private final Mono<Integer> brokers;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, EnquiryProperties properties,
            @Value("${enquiry.kafka-health.cache-for:5s}") Duration cacheFor) {
        int timeoutMillis = (int) properties.kafkaHealth().timeout().toMillis();
        Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        this.admin = AdminClient.create(config);
        // A failure is kept as long as an answer: a dead broker must not cost a timeout per probe either.
        this.brokers = Mono.fromCallable(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis))
                        .nodes().get().size())
                .subscribeOn(Schedulers.boundedElastic())
                .cache(nodes -> cacheFor, failure -> cacheFor, () -> Duration.ZERO);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return brokers.map(nodes -> builder.up().withDetail("brokers", nodes).build());
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
        admin.close();
    }
}
