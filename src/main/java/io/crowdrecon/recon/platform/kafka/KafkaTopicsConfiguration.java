package io.crowdrecon.recon.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the service's topics at start (SPEC.md section 6): inbound and outbound 6 partitions, DLQs 1. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics reconTopics(ReconKafkaProperties properties) {
        Optional<Short> replication = properties.replicationFactor() < 0
                ? Optional.empty()
                : Optional.of((short) properties.replicationFactor());
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.INBOUND) {
            if (topic.equals(Topics.BANK_FILES)) {
                // One partition: an account's files are booked in the order they came, so that each
                // statement is checked against the one before it. Records as large as a file.
                topics.add(new NewTopic(topic, Optional.of(1), replication)
                        .configs(Map.of(
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                String.valueOf(Topics.MAX_BANK_FILE_BYTES + 1024 * 1024))));
            } else {
                topics.add(new NewTopic(topic, Optional.of(properties.inboundPartitions()), replication));
            }
            NewTopic dlq = new NewTopic(Topics.dlq(topic), Optional.of(1), replication);
            if (topic.equals(Topics.BANK_FILES)) {
                dlq.configs(Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        String.valueOf(Topics.MAX_BANK_FILE_BYTES + 1024 * 1024)));
            }
            topics.add(dlq);
        }
        for (String topic : Topics.OUTBOUND) {
            topics.add(new NewTopic(topic, Optional.of(properties.outboundPartitions()), replication));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
