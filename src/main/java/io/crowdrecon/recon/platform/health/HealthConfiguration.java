package io.crowdrecon.recon.platform.health;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health of the parts the service cannot work without: PostgreSQL (Boot's own), Kafka, the consumers. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean(destroyMethod = "close")
    AdminClient healthAdminClient(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildAdminProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "crowdrecon-health");
        // Its callers (health, ops lag) give up after 3-5 s; a call they left behind must not live on
        // for the default minute: closing the client at shutdown waits for every pending call.
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return AdminClient.create(props);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient healthAdminClient) {
        return new KafkaHealthIndicator(healthAdminClient);
    }
}
