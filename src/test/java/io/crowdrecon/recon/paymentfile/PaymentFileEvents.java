package io.crowdrecon.recon.paymentfile;

import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.crowdrecon.recon.testing.TestKafka;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The {@code recon.payment-files} record announcing a file, and its CloudEvent as a consumer reads it. */
final class PaymentFileEvents {

    static final String TOPIC = "recon.payment-files";

    private PaymentFileEvents() {}

    /** Waits (at most 30 s) for the record keyed {@code fileId} written at or after {@code since}. */
    static ConsumerRecord<String, byte[]> awaitRecord(TestKafka kafka, long since, String fileId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> kafka.readBytesSince(TOPIC, since).stream()
                                .filter(r -> fileId.equals(r.key()))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
    }

    /** The record read by the CloudEvents SDK. */
    static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record.headers(), record.value())
                .toEvent();
    }
}
