package io.crowdrecon.recon.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Topic layout created at start.
 *
 * @param replicationFactor -1 leaves it to the broker's default
 */
@ConfigurationProperties("recon.kafka")
public record ReconKafkaProperties(int inboundPartitions, int outboundPartitions, int replicationFactor) {

    public ReconKafkaProperties {
        if (inboundPartitions <= 0) {
            inboundPartitions = 6;
        }
        if (outboundPartitions <= 0) {
            outboundPartitions = 6;
        }
        if (replicationFactor == 0) {
            replicationFactor = -1;
        }
    }
}
