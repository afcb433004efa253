package io.crowdrecon.recon.outbox.config;

import io.crowdrecon.recon.outbox.AfterPublication;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboxRelay;
import io.crowdrecon.recon.outbox.kafka.KafkaEventPublisher;
import io.crowdrecon.recon.outbox.persistence.R2dbcEventLog;
import io.crowdrecon.recon.outbox.persistence.R2dbcRelayStore;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import tools.jackson.databind.ObjectMapper;

/** The outbound side: the relay from the event log to the outbound topics. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean(destroyMethod = "close")
    KafkaSender<String, byte[]> outboxSender(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "crowdrecon-outbox");
        // Closing waits for buffered records at most this long (else, with the broker down, up to
        // delivery.timeout.ms: 2 min); what it drops was never acknowledged, so the next relay sends it.
        return KafkaSender.create(SenderOptions.<String, byte[]>create(props)
                .maxInFlight(1024)
                .stopOnError(false)
                .closeTimeout(Duration.ofSeconds(5)));
    }

    @Bean
    OutboxRelay outboxRelay(
            DatabaseClient database,
            KafkaSender<String, byte[]> outboxSender,
            @Value("${recon.outbox.batch-size:2000}") int batchSize,
            @Value("${recon.outbox.idle:25ms}") Duration idle,
            OutboxMetrics metrics,
            io.crowdrecon.recon.platform.resilience.InfrastructureBreakers breakers,
            ObjectMapper json,
            ObjectProvider<AfterPublication> afterPublication) {
        return new OutboxRelay(
                new R2dbcRelayStore(database, json),
                new KafkaEventPublisher(outboxSender, breakers),
                relayName(),
                new OutboxRelay.Settings(batchSize, idle, Duration.ofSeconds(1), Duration.ofSeconds(10)),
                metrics::published,
                afterPublication.orderedStream().toList());
    }

    @Bean
    OutboxLoops outboxLoops(OutboxRelay relay, OutboxMetrics metrics) {
        return new OutboxLoops(relay, metrics);
    }

    /** The event log every capability appends to, in the transaction of its state change. */
    @Bean
    EventLog eventLog(DatabaseClient database, ObjectMapper json, Clock clock) {
        return new R2dbcEventLog(database, json, clock);
    }

    @Bean
    OutboxMetrics outboxMetrics(io.micrometer.core.instrument.MeterRegistry registry, DatabaseClient database) {
        return new OutboxMetrics(registry, database);
    }

    /** Unique per process: a restarted instance is a new relay and waits for the old lease only if it was not released. */
    private static String relayName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
