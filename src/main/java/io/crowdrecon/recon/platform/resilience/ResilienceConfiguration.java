package io.crowdrecon.recon.platform.resilience;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    @Bean
    InfrastructureBreakers infrastructureBreakers(ResilienceProperties properties, MeterRegistry meters) {
        InfrastructureBreakers breakers = new InfrastructureBreakers(properties.openCircuitFor());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry())
                .bindTo(meters);
        return breakers;
    }

    @Bean
    EdgeLimitsFilter edgeLimitsFilter(ResilienceProperties properties, ObjectMapper json) {
        return new EdgeLimitsFilter(properties, json);
    }
}
