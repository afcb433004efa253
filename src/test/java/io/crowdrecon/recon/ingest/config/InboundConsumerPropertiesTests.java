package io.crowdrecon.recon.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The inbound consumers' client settings, as Kubernetes configures them through {@code SPRING_KAFKA_*}. */
class InboundConsumerPropertiesTests {

    @Test
    void carryTheConfiguredTransportSecurity() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.getProperties()
                .put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        kafka.getProperties().put("ssl.truststore.type", "PEM");

        Map<String, Object> props = IngestConfiguration.consumerProperties(kafka, "bank", "", 500);

        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsKey("sasl.jaas.config");
    }

    @Test
    void rebalanceIncrementallyWithoutStaticMembershipByDefault() {
        Map<String, Object> props = IngestConfiguration.consumerProperties(new KafkaProperties(), "bank", "", 500);

        assertThat(props)
                .containsEntry(
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName())
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "crowdrecon-bank");
    }

    @Test
    void keepAnAssignorOrAMemberIdThatWasConfigured() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getConsumer().getProperties().put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, "range");

        Map<String, Object> props = IngestConfiguration.consumerProperties(kafka, "card", "crowdrecon-2", 500);

        assertThat(props)
                .containsEntry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, "range")
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "crowdrecon-2-card");
    }
}
