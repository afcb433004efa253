package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.benchmark.CreditPlan.SeededOrder;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Order-status changes caused by the bank feed, as in production: at a paced rate, a CREDIT on
 * {@code recon.bank-notifications} that pays one of a portal's seeded WAITING orders exactly, so that the service
 * matches it and the order becomes {@code ACCOUNTED}. Ticks go round-robin over the portals. A change's cause is
 * stamped when the credit was handed to the producer; it is complete when the broker acknowledged it (acks=all).
 */
final class CreditDriver extends PacedDriver implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Map<Portal, ArrayDeque<SeededOrder>> payable;

    CreditDriver(String bootstrapServers, List<Portal> portals, Map<Portal, List<SeededOrder>> orders, int inFlight) {
        super(portals, inFlight);
        this.payable = new IdentityHashMap<>();
        orders.forEach((portal, list) -> payable.put(portal, new ArrayDeque<>(list)));
        this.producer = bank(bootstrapServers, "crowdrecon-stream-bench-bank");
    }

    /** The bank feed's producer: acks=all, idempotent, and each credit leaves at once. */
    static KafkaProducer<String, String> bank(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                // Batching in the producer would add to the delay measured.
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    @Override
    String causeName() {
        return "credit published";
    }

    @Override
    void next(Portal portal) {
        SeededOrder order = payable.get(portal).poll();
        if (order == null) {
            failed("no seeded order left", portal.portalId);
            release();
            return;
        }
        Credit credit = Credits.to(portal.collectionIban)
                .amount(order.totalAmount().toPlainString())
                .payerIban(order.investorIban())
                .description("Subscription " + order.orderId());
        long sentNanos = System.nanoTime();
        long publishedMicros = ChangeDriver.wallMicros();
        producer.send(new ProducerRecord<>(Credits.TOPIC, credit.notificationId(), credit.json()), (meta, error) -> {
            if (error == null) {
                succeeded(order.orderId(), "ACCOUNTED", publishedMicros, sentNanos);
            } else {
                failed("credit not published " + error.getClass().getSimpleName(), error.toString());
            }
            release();
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
