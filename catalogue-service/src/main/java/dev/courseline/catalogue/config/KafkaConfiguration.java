package dev.courseline.catalogue.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.courseline.catalogue.events.Topics;

/** Declares the topic this service owns; Spring's KafkaAdmin creates it at start-up if it is missing. */
@Configuration
public class KafkaConfiguration {

    @Bean
    NewTopic catalogueOfferingsTopic(TopicSettings settings) {
        // Compacted: the latest state per course slug or run id is kept forever, so a consumer can rebuild from it.
        return TopicBuilder.name(Topics.CATALOGUE_OFFERINGS)
                .partitions(settings.partitions())
                .replicas(settings.replicas())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()))
                .compact()
                .build();
    }

    /**
     * @param partitions, @param replicas and @param minInsyncReplicas of the catalogue topic (1 replica on a one-broker
     *                    development stack)
     */
    @ConfigurationProperties("catalogue.topics")
    record TopicSettings(int partitions, int replicas, int minInsyncReplicas) {
    }
}
