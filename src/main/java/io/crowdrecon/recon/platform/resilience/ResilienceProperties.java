package io.crowdrecon.recon.platform.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits at the service's edges.
 *
 * @param requestsPerSecond per API key; 0 switches the rate limiter off (the embedded default)
 * @param concurrentWrites API and webhook writes in progress at once before new ones get 503
 * @param openCircuitFor how long a failing PostgreSQL or broker is left alone before a trial call
 */
@ConfigurationProperties("recon.resilience")
public record ResilienceProperties(int requestsPerSecond, int concurrentWrites, Duration openCircuitFor) {

    public ResilienceProperties {
        if (requestsPerSecond < 0) {
            requestsPerSecond = 0;
        }
        if (concurrentWrites <= 0) {
            concurrentWrites = 128;
        }
        if (openCircuitFor == null) {
            openCircuitFor = Duration.ofSeconds(5);
        }
    }
}
