package io.crowdrecon.recon.sandbox.web;

import io.crowdrecon.recon.ingest.JsonFields;
import io.crowdrecon.recon.ingest.bank.BankNotification;
import io.crowdrecon.recon.ingest.bank.BankNotificationParser;
import io.crowdrecon.recon.ingest.card.CardNotifications;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.PaymentInstructions;
import io.crowdrecon.recon.platform.kafka.RecordPublisher;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.sandbox.SimulatedBankMessages;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Test mode (on in the embedded default, off otherwise): publishes to Kafka exactly what the bank
 * feed would, so that a portal drives the same path as production. Each message is first read by
 * the consumers' own parser ({@link BankNotificationParser}, {@link CardNotifications}): what they
 * would dead-letter is refused here with 400 {@code VALIDATION_FAILED} naming the field, and
 * nothing is published.
 */
@RestController
@ConditionalOnBooleanProperty("recon.sandbox.enabled")
public class SandboxController {

    private final RecordPublisher publisher;
    private final Orders orders;
    private final Portals portals;
    private final PaymentInstructions instructions;
    private final BankNotificationParser bankNotifications;
    private final CardNotifications cardNotifications;
    private final ObjectMapper json;
    private final Clock clock;

    public SandboxController(
            RecordPublisher publisher,
            Orders orders,
            Portals portals,
            PaymentInstructions instructions,
            BankNotificationParser bankNotifications,
            CardNotifications cardNotifications,
            ObjectMapper json,
            Clock clock) {
        this.publisher = publisher;
        this.orders = orders;
        this.portals = portals;
        this.instructions = instructions;
        this.bankNotifications = bankNotifications;
        this.cardNotifications = cardNotifications;
        this.json = json;
        this.clock = clock;
    }

    /** A bank transfer to the caller's collection IBAN; every field but {@code amount} has a default. */
    public record BankTransferRequest(
            BigDecimal amount,
            String currency,
            String description,
            String structuredReference,
            String payerName,
            String payerIban,
            LocalDate bookingDate,
            String notificationId,
            String bankReference,
            String returnOfInstructionId) {}

    public record PublishedResponse(String topic, int partition, long offset, Map<String, Object> message) {}

    @PostMapping("/api/v1/sandbox/bank-transfers")
    Mono<ResponseEntity<PublishedResponse>> bankTransfer(Caller caller, @RequestBody BankTransferRequest request) {
        return portals.byId(caller.portalId())
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", caller.portalId())))
                .flatMap(portal -> {
                    Map<String, Object> credit = new LinkedHashMap<>();
                    credit.put("notificationId", orDefault(request.notificationId(), "SBX" + token()));
                    credit.put("direction", "CREDIT");
                    credit.put("amount", request.amount());
                    credit.put("currency", orDefault(request.currency(), "EUR"));
                    credit.put("creditorIban", portal.collectionIban().value());
                    credit.put("bankReference", orDefault(request.bankReference(), "SBXREF" + token()));
                    credit.put(
                            "receivedDatetime",
                            clock.instant().atOffset(ZoneOffset.UTC).toString());
                    credit.put(
                            "bookingDate",
                            (request.bookingDate() == null ? LocalDate.now(clock) : request.bookingDate()).toString());
                    putIfPresent(credit, "description", request.description());
                    putIfPresent(credit, "structuredReference", request.structuredReference());
                    putIfPresent(credit, "payerName", request.payerName());
                    putIfPresent(credit, "payerIban", request.payerIban());
                    putIfPresent(credit, "returnOfInstructionId", request.returnOfInstructionId());
                    BankNotification read = bankNotifications.parse(bytes(credit));
                    if (!(read instanceof BankNotification.Credit accepted)) {
                        return Mono.error(refused(read));
                    }
                    // As the consumer reads it: in the currency's minor digits.
                    credit.put("amount", accepted.credit().amount());
                    return publish(Topics.BANK_NOTIFICATIONS, (String) credit.get("notificationId"), credit);
                });
    }

    /** A card gateway notification; {@code eventCode}, {@code orderId} and {@code amount} required, the rest defaulted. */
    public record CardNotificationRequest(
            String eventCode,
            Boolean success,
            String orderId,
            BigDecimal amount,
            String currency,
            String pspReference,
            String reason,
            String instructionId,
            String notificationId) {}

    @PostMapping("/api/v1/sandbox/card-notifications")
    Mono<ResponseEntity<PublishedResponse>> cardNotification(
            Caller caller, @RequestBody CardNotificationRequest request) {
        return Mono.fromCallable(() -> {
                    Map<String, Object> notification = new LinkedHashMap<>();
                    notification.put("notificationId", orDefault(request.notificationId(), "SBXC" + token()));
                    notification.put("eventCode", request.eventCode());
                    notification.put("success", request.success() == null || request.success());
                    notification.put("orderId", request.orderId());
                    notification.put("amount", request.amount());
                    notification.put("currency", orDefault(request.currency(), "EUR"));
                    notification.put("pspReference", orDefault(request.pspReference(), "PSP" + token()));
                    notification.put(
                            "eventDatetime",
                            clock.instant().atOffset(ZoneOffset.UTC).toString());
                    putIfPresent(notification, "reason", request.reason());
                    putIfPresent(notification, "instructionId", request.instructionId());
                    CardNotifications.Parsed parsed = cardNotifications.parse(bytes(notification), caller.portalId());
                    if (parsed.rejection() != null) {
                        throw refused(parsed.rejection());
                    }
                    // As the consumer reads it: in the currency's minor digits.
                    notification.put("amount", parsed.event().amount());
                    return notification;
                })
                // Only the caller's own orders, and marked as the caller's, like its signed webhook would.
                .flatMap(notification -> orders.ofPortal(caller.portalId(), request.orderId())
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", request.orderId())))
                        .flatMap(order -> {
                            RecordHeaders headers = new RecordHeaders();
                            headers.add(
                                    Topics.SOURCE_PORTAL_HEADER,
                                    caller.portalId().getBytes(StandardCharsets.UTF_8));
                            return publish(
                                    new ProducerRecord<>(
                                            Topics.CARD_NOTIFICATIONS,
                                            null,
                                            request.orderId(),
                                            bytes(notification),
                                            headers),
                                    notification);
                        }));
    }

    /** The bank's answer to one of the caller's instructions: EXECUTED unless the body says FAILED. */
    public record ExecutionRequest(String status, String reason) {}

    @PostMapping("/api/v1/sandbox/executions/{instructionId}")
    Mono<ResponseEntity<PublishedResponse>> execution(
            Caller caller,
            @PathVariable String instructionId,
            @RequestBody(required = false) ExecutionRequest request) {
        String status = request == null || request.status() == null ? "EXECUTED" : request.status();
        return instructions
                .byId(instructionId)
                .filter(instruction -> caller.portalId().equals(instruction.portalId()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Instruction", instructionId)))
                .flatMap(instruction -> {
                    if (instruction.channel() != PaymentChannel.BANK_TRANSFER) {
                        return Mono.error(new DomainException(
                                ErrorCode.VALIDATION_FAILED,
                                "Instruction " + instructionId + " is a card refund: the card gateway confirms it"
                                        + " (POST /api/v1/sandbox/card-notifications)"));
                    }
                    Map<String, Object> debit = SimulatedBankMessages.debit(
                            "SBXD" + token(),
                            instruction,
                            status,
                            request == null ? null : request.reason(),
                            LocalDate.now(clock));
                    BankNotification read = bankNotifications.parse(bytes(debit));
                    if (!(read instanceof BankNotification.Debit)) {
                        return Mono.error(refused(read));
                    }
                    return publish(Topics.BANK_NOTIFICATIONS, (String) debit.get("notificationId"), debit);
                });
    }

    /** What the consumer would have dead-lettered, as the caller's field error. */
    private static DomainException refused(BankNotification notRead) {
        return refused(((BankNotification.Rejected) notRead).problem());
    }

    private static DomainException refused(JsonFields.Problem problem) {
        return problem.asValidationFailure();
    }

    private byte[] bytes(Map<String, Object> message) {
        return json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
    }

    private Mono<ResponseEntity<PublishedResponse>> publish(String topic, String key, Map<String, Object> message) {
        return publish(new ProducerRecord<>(topic, key, bytes(message)), message);
    }

    private Mono<ResponseEntity<PublishedResponse>> publish(
            ProducerRecord<String, byte[]> record, Map<String, Object> message) {
        return publisher.publish(record).map(metadata -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new PublishedResponse(record.topic(), metadata.partition(), metadata.offset(), message)));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void putIfPresent(Map<String, Object> message, String field, String value) {
        if (value != null) {
            message.put(field, value);
        }
    }

    private static String token() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                .toUpperCase();
    }
}
