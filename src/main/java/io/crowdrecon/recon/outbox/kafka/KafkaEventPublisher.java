package io.crowdrecon.recon.outbox.kafka;

import io.crowdrecon.recon.outbox.EventPublisher;
import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.platform.resilience.InfrastructureBreakers;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;

/**
 * Events as CloudEvents 1.0 in Kafka binary mode: the attributes in {@code ce_*} headers, the JSON
 * data as the value, the subject as the key. An idempotent producer keeps the send order per
 * partition, hence per key.
 */
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaSender<String, byte[]> sender;
    private final InfrastructureBreakers breakers;

    public KafkaEventPublisher(KafkaSender<String, byte[]> sender, InfrastructureBreakers breakers) {
        this.sender = sender;
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> publish(List<StoredEvent> events) {
        return breakers.onBroker(
                sender.send(Flux.fromIterable(events).map(event -> SenderRecord.create(record(event), event.seq())))
                        .concatMap(result -> result.exception() == null ? Mono.empty() : Mono.error(result.exception()))
                        .then());
    }

    static ProducerRecord<String, byte[]> record(StoredEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId());
        header(headers, "ce_source", event.source());
        header(headers, "ce_type", event.type());
        header(headers, "ce_subject", event.key());
        header(
                headers,
                "ce_time",
                DateTimeFormatter.ISO_INSTANT.format(event.createdAt().atOffset(ZoneOffset.UTC)));
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(
                event.topic(), null, event.key(), event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
