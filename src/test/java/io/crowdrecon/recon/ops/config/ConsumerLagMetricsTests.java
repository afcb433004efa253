package io.crowdrecon.recon.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.ops.KafkaLag;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ConsumerLagMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Mono<Map<String, Long>>> broker = new AtomicReference<>(Mono.just(Map.of()));
    private final ConsumerLagMetrics metrics = new ConsumerLagMetrics(
            new KafkaLag() {
                @Override
                public Mono<Map<String, Long>> consumerLag() {
                    return broker.get();
                }

                @Override
                public Mono<Map<String, Long>> deadLetters() {
                    return Mono.just(Map.of());
                }
            },
            registry);

    @Test
    void everyInboundTopicHasItsLagGaugeAtZeroBeforeTheBrokerAnswers() {
        for (String topic : Topics.INBOUND) {
            assertThat(lag(topic)).as(topic).isZero();
        }
    }

    @Test
    void aRefreshSetsEachTopicsLagAndAFailedOneKeepsTheLastValue() {
        broker.set(Mono.just(Map.of(Topics.BANK_NOTIFICATIONS, 42L, Topics.CARD_NOTIFICATIONS, 0L)));
        metrics.refresh().block();
        assertThat(lag(Topics.BANK_NOTIFICATIONS)).isEqualTo(42.0);

        broker.set(Mono.error(new IllegalStateException("broker down")));
        metrics.refresh().block();
        assertThat(lag(Topics.BANK_NOTIFICATIONS)).isEqualTo(42.0);
    }

    private double lag(String topic) {
        return registry.get("recon.ingest.consumer.lag.records")
                .tag("topic", topic)
                .gauge()
                .value();
    }
}
