package io.crowdrecon.recon.outbox.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.crowdrecon.recon.outbox.EventPublisher;
import io.crowdrecon.recon.outbox.PublishedData;
import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.platform.resilience.InfrastructureBreakers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;

/**
 * Events as CloudEvents 1.0 in Kafka binary mode, written by the CloudEvents SDK: the attributes in
 * {@code ce_*} headers, the JSON data as the value (or the event's {@link PublishedData}: other bytes, or none, and
 * extension attributes), the subject as the key. An idempotent producer keeps the send order per
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
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.key())
                .withTime(event.createdAt().atOffset(ZoneOffset.UTC));
        PublishedData published = event.published();
        if (published == null) {
            builder.withDataContentType("application/json")
                    .withData(event.payload().getBytes(StandardCharsets.UTF_8));
        } else {
            builder.withDataContentType(published.contentType());
            byte[] bytes = published.bytes();
            if (bytes != null) {
                builder.withData(bytes);
            }
            published.extensions().forEach(builder::withExtension);
        }
        CloudEvent cloudEvent = builder.build();
        return KafkaMessageFactory.createWriter(event.topic(), event.key()).writeBinary(cloudEvent);
    }
}
