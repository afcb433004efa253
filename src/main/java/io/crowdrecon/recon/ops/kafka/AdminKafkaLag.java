package io.crowdrecon.recon.ops.kafka;

import io.crowdrecon.recon.ops.KafkaLag;
import io.crowdrecon.recon.platform.kafka.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Mono;

/** Lag and DLQ sizes from the broker's admin API (non-blocking futures), with a timeout. */
public class AdminKafkaLag implements KafkaLag {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AdminClient admin;
    private final String group;

    public AdminKafkaLag(AdminClient admin, String group) {
        this.admin = admin;
        this.group = group;
    }

    @Override
    public Mono<Map<String, Long>> consumerLag() {
        return mono(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata())
                .flatMap(committed -> partitionsOf(Topics.INBOUND)
                        .flatMap(partitions -> endOffsets(partitions).map(ends -> {
                            Map<String, Long> lag = new HashMap<>();
                            Topics.INBOUND.forEach(topic -> lag.put(topic, 0L));
                            ends.forEach((partition, end) -> {
                                OffsetAndMetadata done = committed.get(partition);
                                long position = done == null ? 0 : done.offset();
                                lag.merge(partition.topic(), Math.max(0, end - position), Long::sum);
                            });
                            return lag;
                        })))
                .timeout(TIMEOUT);
    }

    @Override
    public Mono<Map<String, Long>> deadLetters() {
        List<String> dlqs = Topics.INBOUND.stream().map(Topics::dlq).toList();
        return partitionsOf(dlqs)
                .flatMap(partitions -> Mono.zip(endOffsets(partitions), offsets(partitions, OffsetSpec.earliest()))
                        .map(t -> {
                            Map<String, Long> sizes = new HashMap<>();
                            dlqs.forEach(topic -> sizes.put(topic, 0L));
                            t.getT1()
                                    .forEach((partition, end) -> sizes.merge(
                                            partition.topic(), end - t.getT2().getOrDefault(partition, 0L), Long::sum));
                            return sizes;
                        }))
                .timeout(TIMEOUT);
    }

    private Mono<List<TopicPartition>> partitionsOf(List<String> topics) {
        return mono(admin.describeTopics(topics).allTopicNames()).map(descriptions -> descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList());
    }

    private Mono<Map<TopicPartition, Long>> endOffsets(List<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Mono<Map<TopicPartition, Long>> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        return mono(admin.listOffsets(request).all()).map(result -> result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())));
    }

    private static <T> Mono<T> mono(KafkaFuture<T> future) {
        CompletableFuture<T> completable = future.toCompletionStage().toCompletableFuture();
        return Mono.fromFuture(completable);
    }
}
