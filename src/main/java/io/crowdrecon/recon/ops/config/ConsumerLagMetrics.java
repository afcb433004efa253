package io.crowdrecon.recon.ops.config;

import io.crowdrecon.recon.ops.KafkaLag;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.shared.BackgroundLoop;
import io.crowdrecon.recon.shared.Periodically;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * {@code recon.ingest.consumer.lag.records{topic}}: records of each inbound topic that group {@code crowdrecon} has
 * not committed, as the broker says (end offsets − committed offsets), refreshed every 15 s. Unlike the consumer's own
 * fetch metrics it keeps growing when the consumer stalls, which is what the stalled-consumer alert needs.
 */
public class ConsumerLagMetrics implements BackgroundLoop.Source {

    static final Duration EVERY = Duration.ofSeconds(15);

    private final KafkaLag kafkaLag;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

    public ConsumerLagMetrics(KafkaLag kafkaLag, MeterRegistry registry) {
        this.kafkaLag = kafkaLag;
        for (String topic : Topics.INBOUND) {
            AtomicLong value = lag.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder("recon.ingest.consumer.lag.records", value, AtomicLong::get)
                    .description("Records of the inbound topic not yet committed by the consumer group")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    /** One refresh: the broker's answer, or nothing when it does not answer in time (the gauges keep their value). */
    Mono<Void> refresh() {
        return kafkaLag.consumerLag()
                .timeout(EVERY)
                .doOnNext(byTopic -> byTopic.forEach((topic, records) -> {
                    AtomicLong value = lag.get(topic);
                    if (value != null) {
                        value.set(records);
                    }
                }))
                .onErrorResume(error -> Mono.empty())
                .then();
    }

    @Override
    public List<BackgroundLoop> loops() {
        return List.of(BackgroundLoop.cancelled(
                "Consumer lag metrics",
                BackgroundLoop.Stage.JOBS,
                () -> Periodically.run(Duration.ZERO, EVERY, this::refresh)));
    }
}
