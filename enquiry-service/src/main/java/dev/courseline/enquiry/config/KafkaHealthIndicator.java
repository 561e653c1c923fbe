package dev.courseline.enquiry.config;

import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Readiness of the broker the outbox relay publishes to. Registered as {@code kafka}; it belongs in readiness only,
 * so a broker outage takes the instance out of load balancing without restarting it.
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private final AdminClient admin;
    private final int timeoutMillis;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, EnquiryProperties properties) {
        this.timeoutMillis = (int) properties.kafkaHealth().timeout().toMillis();
        Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        this.admin = AdminClient.create(config);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromCallable(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis))
                        .nodes().get())
                .subscribeOn(Schedulers.boundedElastic())
                .map(nodes -> builder.up().withDetail("brokers", nodes.size()).build());
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
