package dev.courseline.catalogue.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Readiness contributor {@code kafka}: the broker answers a describe-cluster within a short timeout. Part of
 * readiness only, never liveness: a broker outage must not restart the service, whose outbox waits it out.
 */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private final AdminClient admin;
    private final Duration timeout;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Settings settings) {
        super("Kafka health check failed");
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.timeout = settings.timeout();
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromCallable(() -> {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }

    /** @param timeout how long the broker may take to answer before the service reports itself not ready */
    @ConfigurationProperties("catalogue.kafka-health")
    record Settings(Duration timeout) {
    }
}
