package io.crowdrecon.recon.ops;

import java.util.Map;
import reactor.core.publisher.Mono;

/** What the broker knows: how far the consumer group is behind, and how many records the DLQs hold. */
public interface KafkaLag {

    /** Records not yet consumed by group {@code crowdrecon}, per inbound topic. */
    Mono<Map<String, Long>> consumerLag();

    /** Records in each DLQ topic. */
    Mono<Map<String, Long>> deadLetters();
}
