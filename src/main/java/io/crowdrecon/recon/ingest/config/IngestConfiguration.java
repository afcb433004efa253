package io.crowdrecon.recon.ingest.config;

import io.crowdrecon.recon.bankfile.BookBankFile;
import io.crowdrecon.recon.ingest.DeadLetters;
import io.crowdrecon.recon.ingest.InboundPipeline;
import io.crowdrecon.recon.ingest.UndecidedCredits;
import io.crowdrecon.recon.ingest.bank.BankDebits;
import io.crowdrecon.recon.ingest.bank.BankNotificationParser;
import io.crowdrecon.recon.ingest.bank.BankNotifications;
import io.crowdrecon.recon.ingest.bankfile.BankFileRecords;
import io.crowdrecon.recon.ingest.card.CardNotifications;
import io.crowdrecon.recon.ingest.kafka.KafkaDeadLetters;
import io.crowdrecon.recon.ingest.kafka.ReactorKafkaInboundSource;
import io.crowdrecon.recon.ingest.persistence.R2dbcUndecidedCredits;
import io.crowdrecon.recon.matching.ReconcileIncomingCredits;
import io.crowdrecon.recon.payment.card.ApplyCardEvent;
import io.crowdrecon.recon.payment.instruction.ApplyBankDebit;
import io.crowdrecon.recon.payment.instruction.BankDebit;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.platform.kafka.RecordPublisher;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.platform.resilience.InfrastructureBreakers;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import tools.jackson.databind.ObjectMapper;

/** The inbound side: consumers of the bank (and card) topics, their DLQ producer and the pipelines. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    /** How long a shutdown waits for the batches in hand. */
    static final Duration DRAIN = Duration.ofSeconds(20);

    /** A producer for dead letters and the sandbox: idempotent, acks=all. */
    @Bean(destroyMethod = "close")
    KafkaSender<String, byte[]> inboundSideSender(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "crowdrecon-inbound-side");
        // A bank file that cannot be read goes to its DLQ whole.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_BANK_FILE_BYTES + 1024 * 1024);
        // Closing waits for buffered records at most this long (else, with the broker down, up to
        // delivery.timeout.ms: 2 min); a dead letter it drops was never acknowledged: redelivered.
        return KafkaSender.create(
                SenderOptions.<String, byte[]>create(props).stopOnError(false).closeTimeout(Duration.ofSeconds(5)));
    }

    @Bean
    RecordPublisher recordPublisher(KafkaSender<String, byte[]> inboundSideSender, InfrastructureBreakers breakers) {
        return new RecordPublisher(inboundSideSender, breakers);
    }

    @Bean
    DeadLetters deadLetters(RecordPublisher recordPublisher) {
        return new KafkaDeadLetters(recordPublisher);
    }

    @Bean
    UndecidedCredits undecidedCredits(
            DatabaseClient database, ReviewItems reviewItems, Transactions transactions, IdGenerator ids, Clock clock) {
        return new R2dbcUndecidedCredits(database, reviewItems, transactions, ids, clock);
    }

    @Bean
    BankNotificationParser bankNotificationParser(ObjectMapper json) {
        return new BankNotificationParser(json);
    }

    @Bean
    ReactorKafkaInboundSource bankNotificationSource(
            KafkaProperties kafka,
            @Value("${recon.kafka.group-instance-id:}") String groupInstanceId,
            @Value("${recon.kafka.max-poll-records:2000}") int maxPollRecords) {
        return source(kafka, Topics.BANK_NOTIFICATIONS, "bank", groupInstanceId, maxPollRecords);
    }

    @Bean
    ReactorKafkaInboundSource cardNotificationSource(
            KafkaProperties kafka,
            @Value("${recon.kafka.group-instance-id:}") String groupInstanceId,
            @Value("${recon.kafka.max-poll-records:2000}") int maxPollRecords) {
        return source(kafka, Topics.CARD_NOTIFICATIONS, "card", groupInstanceId, maxPollRecords);
    }

    @Bean
    ReactorKafkaInboundSource bankFileSource(
            KafkaProperties kafka, @Value("${recon.kafka.group-instance-id:}") String groupInstanceId) {
        // One file at a time: a record is up to 50 MB.
        return source(kafka, Topics.BANK_FILES, "bank-files", groupInstanceId, 1);
    }

    @Bean
    CardNotifications cardNotifications(ObjectMapper json, ApplyCardEvent applyCardEvent) {
        return new CardNotifications(json, applyCardEvent);
    }

    @Bean
    InboundConsumers inboundConsumers(
            ReactorKafkaInboundSource bankNotificationSource,
            ReactorKafkaInboundSource cardNotificationSource,
            ReactorKafkaInboundSource bankFileSource,
            BookBankFile bookBankFile,
            BankNotificationParser bankParser,
            BankDebits debits,
            CardNotifications cardNotifications,
            ReconcileIncomingCredits reconcile,
            DeadLetters deadLetters,
            UndecidedCredits undecided,
            MicrometerIngestMetrics metrics,
            @Value("${recon.kafka.max-batch:500}") int maxBatch) {
        InboundPipeline bank = new InboundPipeline(
                bankNotificationSource,
                new BankNotifications(bankParser, debits),
                reconcile,
                deadLetters,
                undecided,
                metrics,
                maxBatch);
        InboundPipeline card = new InboundPipeline(
                cardNotificationSource, cardNotifications, reconcile, deadLetters, undecided, metrics, maxBatch);
        InboundPipeline files = new InboundPipeline(
                bankFileSource,
                new BankFileRecords(bookBankFile, deadLetters),
                reconcile,
                deadLetters,
                undecided,
                metrics,
                1);
        return new InboundConsumers(List.of(
                new InboundConsumers.Consumer(
                        "bank-files", files::run, () -> files.drain(DRAIN), bankFileSource::isAssigned),
                new InboundConsumers.Consumer(
                        "bank-notifications", bank::run, () -> bank.drain(DRAIN), bankNotificationSource::isAssigned),
                new InboundConsumers.Consumer(
                        "card-notifications", card::run, () -> card.drain(DRAIN), cardNotificationSource::isAssigned)));
    }

    @Bean
    MicrometerIngestMetrics ingestMetrics(io.micrometer.core.instrument.MeterRegistry registry, Clock clock) {
        return new MicrometerIngestMetrics(registry, clock);
    }

    @Bean
    ConsumersHealthIndicator consumersHealthIndicator(InboundConsumers inboundConsumers) {
        return new ConsumersHealthIndicator(inboundConsumers);
    }

    /** The bank's DEBITs, handed to the payment capability. */
    @Bean
    BankDebits bankDebits(ApplyBankDebit applyBankDebit) {
        return debit -> applyBankDebit.apply(new BankDebit(
                debit.notificationId(),
                debit.instructionId(),
                debit.status() == null ? null : InstructionStatus.valueOf(debit.status()),
                debit.returnOfNotificationId(),
                debit.amount(),
                debit.currency(),
                debit.bookingDate(),
                debit.reason()));
    }

    static ReactorKafkaInboundSource source(
            KafkaProperties kafka, String topic, String name, String groupInstanceId, int maxPollRecords) {
        AtomicBoolean assigned = new AtomicBoolean();
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(
                        consumerProperties(kafka, name, groupInstanceId, maxPollRecords))
                .subscription(List.of(topic))
                .commitInterval(Duration.ofMillis(200))
                .commitBatchSize(0)
                .addAssignListener(partitions -> assigned.set(true));
        return new ReactorKafkaInboundSource(KafkaReceiver.create(options), assigned);
    }

    /** The inbound consumers' client settings: Spring's {@code spring.kafka.*} (security included), then ours. */
    static Map<String, Object> consumerProperties(
            KafkaProperties kafka, String name, String groupInstanceId, int maxPollRecords) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "crowdrecon");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "crowdrecon-" + name);
        // Incremental rebalancing: when a replica leaves or joins (a rollout, an eviction, scaling), only the
        // partitions that move stop; the others keep being decided. Unless configured otherwise.
        props.putIfAbsent(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        if (groupInstanceId != null && !groupInstanceId.isBlank()) {
            // Static membership, for stable member names only (a StatefulSet): a restarted instance takes its
            // partitions back without a rebalance. With random pod names it holds partitions for session.timeout.ms.
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId + "-" + name);
        }
        return props;
    }
}
