package io.crowdrecon.recon.ingest.sandbox.web;

import io.crowdrecon.recon.ingest.JsonFields;
import io.crowdrecon.recon.ingest.bank.BankNotification;
import io.crowdrecon.recon.ingest.bank.BankNotificationParser;
import io.crowdrecon.recon.ingest.card.CardNotifications;
import io.crowdrecon.recon.ingest.sandbox.SimulatedBankMessages;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.platform.kafka.RecordPublisher;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
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
@Tag(name = ApiTags.SANDBOX)
public class SandboxController {

    private final RecordPublisher publisher;
    private final Orders orders;
    private final Portals portals;
    private final PaymentInstructions instructions;
    private final BankNotificationParser bankNotifications;
    private final CardNotifications cardNotifications;
    private final ObjectMapper json;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public SandboxController(
            RecordPublisher publisher,
            Orders orders,
            Portals portals,
            PaymentInstructions instructions,
            BankNotificationParser bankNotifications,
            CardNotifications cardNotifications,
            ObjectMapper json,
            Clock clock,
            IdempotentRequests idempotency) {
        this.idempotency = idempotency;
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
    @Schema(
            description = "A CREDIT to the caller's collection IBAN, as the bank feed would publish it; every field"
                    + " but amount has a default.",
            requiredProperties = "amount")
    public record BankTransferRequest(
            @Schema(description = "With at most the currency's minor digits", example = "1100.00") BigDecimal amount,
            @Schema(description = "ISO 4217, upper case; default EUR", example = "EUR") String currency,
            String description,
            String structuredReference,
            String payerName,
            String payerIban,
            LocalDate bookingDate,
            String notificationId,
            String bankReference,
            String returnOfInstructionId) {}

    @Schema(
            name = "PublishedNotification",
            description = "What was published, where: the message exactly as a bank or gateway would send it.",
            requiredProperties = {"topic", "partition", "offset", "message"})
    public record PublishedResponse(String topic, int partition, long offset, Map<String, Object> message) {}

    @PostMapping("/api/v1/sandbox/bank-transfers")
    @Operation(
            operationId = "sandboxBankTransfer",
            summary = "Simulate a bank transfer",
            description = "Publishes a CREDIT to the caller's collection IBAN on recon.bank-notifications, after"
                    + " checking it as the consumer would.")
    @ApiResponse(
            responseCode = "202",
            description = "Published",
            content = @Content(schema = @Schema(implementation = PublishedResponse.class)))
    Mono<ResponseEntity<Object>> bankTransfer(
            Caller caller, @RequestBody BankTransferRequest request, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> bankTransfer(caller, request));
    }

    private Mono<ResponseEntity<Object>> bankTransfer(Caller caller, BankTransferRequest request) {
        return portals.byId(caller.portalIdOrFail())
                .switchIfEmpty(Mono.error(() -> DomainException.notFound(
                        "Portal", caller.portalIdOrFail().value())))
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
    @Schema(
            description = "A card gateway notification for one of the caller's orders; the rest is defaulted.",
            requiredProperties = {"eventCode", "orderId", "amount"})
    public record CardNotificationRequest(
            @Schema(allowableValues = {"AUTHORISATION", "CAPTURE", "REFUND", "CHARGEBACK"}) String eventCode,
            @Schema(description = "Default true") Boolean success,
            String orderId,
            @Schema(example = "1100.00") BigDecimal amount,
            @Schema(description = "ISO 4217, upper case; default EUR", example = "EUR") String currency,
            String pspReference,
            String reason,
            String instructionId,
            String notificationId) {}

    @PostMapping("/api/v1/sandbox/card-notifications")
    @Operation(
            operationId = "sandboxCardNotification",
            summary = "Simulate a card gateway notification",
            description = "Publishes a card notification for one of the caller's orders on recon.card-notifications,"
                    + " after checking it as the consumer would.")
    @ApiErrors(ErrorCode.NOT_FOUND)
    @ApiResponse(
            responseCode = "202",
            description = "Published",
            content = @Content(schema = @Schema(implementation = PublishedResponse.class)))
    Mono<ResponseEntity<Object>> cardNotification(
            Caller caller, @RequestBody CardNotificationRequest request, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> cardNotification(caller, request));
    }

    private Mono<ResponseEntity<Object>> cardNotification(Caller caller, CardNotificationRequest request) {
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
                    CardNotifications.Parsed parsed = cardNotifications.parse(
                            bytes(notification), caller.portalIdOrFail().value());
                    if (parsed.rejection() != null) {
                        throw refused(parsed.rejection());
                    }
                    // As the consumer reads it: in the currency's minor digits.
                    notification.put("amount", parsed.accepted().amount());
                    return notification;
                })
                // Only the caller's own orders, and marked as the caller's, like its signed webhook would.
                .flatMap(notification -> orders.ofPortal(caller.portalIdOrFail(), OrderId.of(request.orderId()))
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", request.orderId())))
                        .flatMap(order -> {
                            RecordHeaders headers = new RecordHeaders();
                            headers.add(
                                    Topics.SOURCE_PORTAL_HEADER,
                                    caller.portalIdOrFail().value().getBytes(StandardCharsets.UTF_8));
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
    @Schema(description = "The bank's answer to one of the caller's bank instructions; default EXECUTED.")
    public record ExecutionRequest(
            @Schema(allowableValues = {"EXECUTED", "FAILED"}) @Nullable String status,
            @Schema(description = "Why it failed", example = "ACCOUNT_CLOSED") @Nullable String reason) {}

    @PostMapping("/api/v1/sandbox/executions/{instructionId}")
    @Operation(
            operationId = "sandboxExecution",
            summary = "Simulate the bank executing an instruction",
            description = "Publishes the bank's DEBIT answering one of the caller's bank instructions (EXECUTED or"
                    + " FAILED) on recon.bank-notifications. An instruction AWAITING_APPROVAL: 409 ILLEGAL_TRANSITION.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    @ApiResponse(
            responseCode = "202",
            description = "Published",
            content = @Content(schema = @Schema(implementation = PublishedResponse.class)))
    Mono<ResponseEntity<Object>> execution(
            Caller caller,
            @PathVariable String instructionId,
            @RequestBody(required = false) @Nullable ExecutionRequest request,
            ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> execution(caller, instructionId, request));
    }

    private Mono<ResponseEntity<Object>> execution(
            Caller caller, String instructionId, @Nullable ExecutionRequest request) {
        String status = request == null || request.status() == null ? "EXECUTED" : request.status();
        return instructions
                .byId(InstructionId.of(instructionId))
                .filter(instruction -> caller.portalIdOrFail().equals(instruction.portalId()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Instruction", instructionId)))
                .flatMap(instruction -> {
                    if (instruction.channel() != PaymentChannel.BANK_TRANSFER) {
                        return Mono.error(new DomainException(
                                ErrorCode.VALIDATION_FAILED,
                                "Instruction " + instructionId + " is a card refund: the card gateway confirms it"
                                        + " (POST /api/v1/sandbox/card-notifications)"));
                    }
                    if (instruction.status() == InstructionStatus.AWAITING_APPROVAL) {
                        // Nothing leaves unapproved, not even in the sandbox's simulated bank.
                        return Mono.error(new DomainException(
                                ErrorCode.ILLEGAL_TRANSITION,
                                "Instruction " + instructionId + " is AWAITING_APPROVAL: an approver must approve it"
                                        + " (PUT /api/v1/ops/instructions/" + instructionId + "/approved)"));
                    }
                    String notificationId = "SBXD" + token();
                    Map<String, Object> debit = SimulatedBankMessages.debit(
                            notificationId,
                            instruction,
                            status,
                            request == null ? null : request.reason(),
                            LocalDate.now(clock));
                    BankNotification read = bankNotifications.parse(bytes(debit));
                    if (!(read instanceof BankNotification.Debit)) {
                        return Mono.error(refused(read));
                    }
                    return publish(Topics.BANK_NOTIFICATIONS, notificationId, debit);
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

    private Mono<ResponseEntity<Object>> publish(String topic, String key, Map<String, Object> message) {
        return publish(new ProducerRecord<>(topic, key, bytes(message)), message);
    }

    private Mono<ResponseEntity<Object>> publish(ProducerRecord<String, byte[]> record, Map<String, Object> message) {
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
