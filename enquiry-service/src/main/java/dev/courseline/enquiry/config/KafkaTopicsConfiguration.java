package dev.courseline.enquiry.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.courseline.enquiry.outbox.Topics;

/**
 * Creates {@code enquiries}, the topic this service owns, with its partitions, rather than leaving it to whichever
 * client touches it first (a broker's auto-created topic has one partition).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopicsConfiguration {

    @Bean
    NewTopic enquiriesTopic(@Value("${enquiry.topics.partitions:3}") int partitions,
            @Value("${enquiry.topics.replicas:1}") short replicas,
            @Value("${enquiry.topics.min-insync-replicas:1}") int minInsyncReplicas) {
        return TopicBuilder.name(Topics.ENQUIRIES).partitions(partitions).replicas(replicas)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas)).build();
    }
}
