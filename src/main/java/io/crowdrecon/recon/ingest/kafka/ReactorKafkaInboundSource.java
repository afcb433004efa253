package io.crowdrecon.recon.ingest.kafka;

import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.ingest.InboundSource;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverRecord;

/**
 * An inbound topic through Reactor Kafka: offsets committed (periodically) only for records
 * acknowledged after their database commit. While the pipeline has no demand the consumer is
 * paused, not stopped: it keeps its partitions.
 */
public class ReactorKafkaInboundSource implements InboundSource {

    private final KafkaReceiver<String, byte[]> receiver;
    private final AtomicBoolean assigned;

    public ReactorKafkaInboundSource(KafkaReceiver<String, byte[]> receiver, AtomicBoolean assigned) {
        this.receiver = receiver;
        this.assigned = assigned;
    }

    @Override
    public Flux<InboundRecord> records() {
        return receiver.receive().map(ReactorKafkaInboundSource::inbound);
    }

    /** Whether the consumer has joined its group and been given its partitions (possibly none). */
    public boolean isAssigned() {
        return assigned.get();
    }

    private static InboundRecord inbound(ReceiverRecord<String, byte[]> record) {
        var portal = record.headers().lastHeader(InboundRecord.SOURCE_PORTAL_HEADER);
        return new InboundRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                portal == null ? null : new String(portal.value(), java.nio.charset.StandardCharsets.UTF_8),
                record.receiverOffset()::acknowledge);
    }
}
