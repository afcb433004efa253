package io.crowdrecon.recon.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.crowdrecon.recon.outbox.PublishedData;
import io.crowdrecon.recon.outbox.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * How an event log row becomes a Kafka record, read back with the CloudEvents SDK as a consumer would: JSON data by
 * default; other bytes, or none, with extension attributes when the event says so.
 */
class KafkaEventPublisherTests {

    private static final StoredEvent EVENT = new StoredEvent(
            7,
            "0b7c5a52-3f5e-4f55-9a43-8e8a6f1d2c11",
            "recon.payment-files",
            "PFL23456789ABCDEFGH",
            "crowdrecon.payment-file.created.v1",
            "/ops",
            null,
            null,
            null,
            "{\"paymentFileId\":\"PFL23456789ABCDEFGH\"}",
            Instant.parse("2026-12-07T09:00:00Z"));

    @Test
    void publishesTheJsonPayloadAsDataByDefault() {
        CloudEvent event = read(KafkaEventPublisher.record(EVENT));

        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo(EVENT.payload());
        assertThat(event.getExtensionNames()).isEmpty();
    }

    @Test
    void publishesOtherBytesWithTheirContentTypeAndExtensionsInsteadOfThePayload() {
        byte[] xml = "<Document/>".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = KafkaEventPublisher.record(
                EVENT.withPublished(new PublishedData("application/xml", xml, Map.of("datasize", "11"))));

        CloudEvent event = read(record);

        assertThat(record.key()).isEqualTo("PFL23456789ABCDEFGH");
        assertThat(record.value()).isEqualTo(xml);
        assertThat(event.getId()).isEqualTo(EVENT.eventId());
        assertThat(event.getSubject()).isEqualTo("PFL23456789ABCDEFGH");
        assertThat(event.getDataContentType()).isEqualTo("application/xml");
        assertThat(event.getData().toBytes()).isEqualTo(xml);
        assertThat(event.getExtension("datasize")).isEqualTo("11");
    }

    @Test
    void publishesARecordWithNoDataWhenTheDataIsElsewhere() {
        ProducerRecord<String, byte[]> record = KafkaEventPublisher.record(EVENT.withPublished(new PublishedData(
                "application/xml", null, Map.of("dataref", "/api/v1/ops/payment-files/PFL23456789ABCDEFGH/content"))));

        CloudEvent event = read(record);

        assertThat(record.value()).isNull();
        assertThat(event.getData()).isNull();
        assertThat(event.getDataContentType()).isEqualTo("application/xml");
        assertThat(event.getExtension("dataref")).hasToString("/api/v1/ops/payment-files/PFL23456789ABCDEFGH/content");
    }

    private static CloudEvent read(ProducerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record.headers(), record.value())
                .toEvent();
    }
}
