package io.crowdrecon.recon.ingest.kafka;

import io.crowdrecon.recon.ingest.DeadLetters;
import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.platform.kafka.RecordPublisher;
import io.crowdrecon.recon.platform.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import reactor.core.publisher.Mono;

/** Dead letters on {@code <topic>.dlq}: the original key and value (cut at 64 KiB) with where and why. */
public class KafkaDeadLetters implements DeadLetters {

    static final int MAX_VALUE_BYTES = 64 * 1024;

    private final RecordPublisher publisher;

    public KafkaDeadLetters(RecordPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Mono<Void> send(InboundRecord record, String reason) {
        byte[] value = record.value() == null || record.value().length <= MAX_VALUE_BYTES
                ? record.value()
                : Arrays.copyOf(record.value(), MAX_VALUE_BYTES);
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("x-dlq-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(
                "x-dlq-original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("x-dlq-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> dead =
                new ProducerRecord<>(Topics.dlq(record.topic()), null, record.key(), value, headers);
        return publisher.publish(dead).then();
    }
}
