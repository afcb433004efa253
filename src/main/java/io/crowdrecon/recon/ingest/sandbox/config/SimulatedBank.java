package io.crowdrecon.recon.ingest.sandbox.config;

import io.crowdrecon.recon.ingest.sandbox.SimulatedBankMessages;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.shared.BackgroundLoop;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverRecord;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The bank of the embedded default: it reads the payment instructions the service publishes, as a
 * real bank adapter would, and after a delay confirms each bank transfer with a DEBIT EXECUTED on
 * {@code recon.bank-notifications}. Off with {@code RECON_SANDBOX_AUTO_CONFIRM=false}.
 */
public class SimulatedBank implements BackgroundLoop.Source {

    private static final Logger log = LoggerFactory.getLogger(SimulatedBank.class);

    private final KafkaReceiver<String, byte[]> instructions;
    private final KafkaSender<String, byte[]> sender;
    private final ObjectMapper json;
    private final Duration delay;
    private final Clock clock;

    public SimulatedBank(
            KafkaReceiver<String, byte[]> instructions,
            KafkaSender<String, byte[]> sender,
            ObjectMapper json,
            Duration delay,
            Clock clock) {
        this.instructions = instructions;
        this.sender = sender;
        this.json = json;
        this.delay = delay;
        this.clock = clock;
    }

    Flux<Void> run() {
        return instructions.receive().concatMap(record -> Mono.delay(delay)
                .then(confirm(record))
                .doOnSuccess(done -> record.receiverOffset().acknowledge()));
    }

    private Mono<Void> confirm(ReceiverRecord<String, byte[]> record) {
        JsonNode instruction = json.readTree(record.value());
        if (PaymentChannel.CARD.wireName().equals(instruction.path("channel").asString())) {
            return confirmCardRefund(instruction);
        }
        String instructionId = instruction.path("instructionId").asString();
        // A deterministic id: confirming the same instruction twice is a redelivery for the service.
        Map<String, Object> debit = SimulatedBankMessages.debit(
                "SIMBANK-" + instructionId,
                instructionId,
                instruction.path("amount").decimalValue(),
                instruction.path("currency").asString(),
                "EXECUTED",
                null,
                LocalDate.now(clock));
        byte[] value = json.writeValueAsString(debit).getBytes(StandardCharsets.UTF_8);
        String key = (String) debit.get("notificationId");
        return sender.send(Mono.just(
                        SenderRecord.create(new ProducerRecord<>(Topics.BANK_NOTIFICATIONS, key, value), key)))
                .then()
                .doOnSuccess(done -> log.debug("Simulated bank executed {}", instructionId));
    }

    /** The card gateway's side: a successful REFUND notification naming the instruction. */
    private Mono<Void> confirmCardRefund(JsonNode instruction) {
        String instructionId = instruction.path("instructionId").asString();
        String orderId = instruction.path("orderId").isString()
                ? instruction.path("orderId").asString()
                : instruction.path("unidentifiedTransferId").asString();
        Map<String, Object> refund = new java.util.LinkedHashMap<>();
        refund.put("notificationId", "SIMGW-" + instructionId);
        refund.put("eventCode", "REFUND");
        refund.put("success", true);
        refund.put("orderId", orderId);
        refund.put("amount", instruction.path("amount").decimalValue());
        refund.put("currency", instruction.path("currency").asString());
        refund.put("pspReference", instruction.path("pspReference").asString());
        refund.put("eventDatetime", clock.instant().toString());
        refund.put("instructionId", instructionId);
        byte[] value = json.writeValueAsString(refund).getBytes(StandardCharsets.UTF_8);
        return sender.send(Mono.just(
                        SenderRecord.create(new ProducerRecord<>(Topics.CARD_NOTIFICATIONS, orderId, value), orderId)))
                .then();
    }

    @Override
    public List<BackgroundLoop> loops() {
        log.info("Simulated bank confirms every bank-transfer instruction after {}", delay);
        return List.of(BackgroundLoop.cancelled("Simulated bank", BackgroundLoop.Stage.JOBS, this::run));
    }
}
