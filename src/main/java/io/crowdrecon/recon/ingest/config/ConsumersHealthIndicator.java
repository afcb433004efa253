package io.crowdrecon.recon.ingest.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** UP once every inbound consumer runs and has joined its group; until then the service is not ready. */
public class ConsumersHealthIndicator implements ReactiveHealthIndicator {

    private final InboundConsumers consumers;

    public ConsumersHealthIndicator(InboundConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromSupplier(() -> consumers.allAssigned()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", consumers.isRunning() ? "joining the consumer group" : "stopped")
                        .build());
    }
}
