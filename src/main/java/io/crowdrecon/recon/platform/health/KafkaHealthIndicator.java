package io.crowdrecon.recon.platform.health;

import java.time.Duration;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** UP when the broker answers a cluster description within a few seconds. */
public class KafkaHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final AdminClient admin;

    public KafkaHealthIndicator(AdminClient admin) {
        this.admin = admin;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromFuture(
                        () -> admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                                .nodes()
                                .toCompletionStage()
                                .toCompletableFuture())
                .map(nodes -> nodes.isEmpty()
                        ? Health.down().withDetail("brokers", 0).build()
                        : Health.up().withDetail("brokers", nodes.size()).build())
                .timeout(TIMEOUT.plusSeconds(1))
                .onErrorResume(error -> Mono.just(Health.down()
                        .withDetail("error", error.getClass().getSimpleName())
                        .build()));
    }
}
