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
    private final Mono<Cluster> cluster;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Settings settings) {
        super("Kafka health check failed");
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.timeout = settings.timeout();
        // One describe-cluster answers every probe for a while, failures included: public health hits cost the broker
        // nothing more, and a dead broker no timeout per probe.
        Duration cacheFor = settings.cacheFor() == null ? Duration.ofSeconds(5) : settings.cacheFor();
        this.cluster = Mono.fromCallable(this::describe).subscribeOn(Schedulers.boundedElastic())
                .cache(answer -> cacheFor, failure -> cacheFor, () -> Duration.ZERO);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return cluster.map(answer -> builder.up().withDetail("clusterId", answer.id()).withDetail("nodes", answer.nodes()).build());
    }

    private Cluster describe() throws Exception {
        DescribeClusterResult described = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        return new Cluster(described.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                described.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size());
    }

    private record Cluster(String id, int nodes) {
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }

    /**
     * @param timeout  how long the broker may take to answer before the service reports itself not ready
     * @param cacheFor how long one answer serves every probe
     */
    @ConfigurationProperties("catalogue.kafka-health")
    record Settings(Duration timeout, Duration cacheFor) {
    }
}
