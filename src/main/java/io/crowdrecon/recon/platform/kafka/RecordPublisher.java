package io.crowdrecon.recon.platform.kafka;

import io.crowdrecon.recon.platform.resilience.InfrastructureBreakers;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;

/**
 * Publishes single records (dead letters, webhook notifications, sandbox messages) with an
 * idempotent acks=all producer, through the broker's circuit breaker. Emits once the broker has
 * acknowledged; errors otherwise.
 */
public class RecordPublisher {

    private final KafkaSender<String, byte[]> sender;
    private final InfrastructureBreakers breakers;

    public RecordPublisher(KafkaSender<String, byte[]> sender, InfrastructureBreakers breakers) {
        this.sender = sender;
        this.breakers = breakers;
    }

    public Mono<RecordMetadata> publish(ProducerRecord<String, byte[]> record) {
        return breakers.onBroker(sender.send(Mono.just(SenderRecord.create(record, record.key())))
                .next()
                .flatMap(result -> result.exception() == null
                        ? Mono.just(result.recordMetadata())
                        : Mono.<RecordMetadata>error(result.exception())));
    }
}
