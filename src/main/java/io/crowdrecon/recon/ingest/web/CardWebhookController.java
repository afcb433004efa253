package io.crowdrecon.recon.ingest.web;

import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.ingest.card.CardNotifications;
import io.crowdrecon.recon.platform.kafka.RecordPublisher;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.ApiKeys;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.PortalId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/webhooks/card}: a portal's card gateway pushing notifications. The body must
 * carry {@code X-Signature: sha256=<hex HMAC-SHA256(webhookSecret, raw body)>} and
 * {@code X-Portal-Id}; a bad or missing one answers 401 and stores nothing. An authentic
 * notification is validated (400 when invalid, nothing stored) and then handed to the same
 * pipeline as the card topic: published to {@code recon.card-notifications}, keyed by orderId so
 * that one order's events keep their order, marked with the portal it came from.
 */
@RestController
@Tag(name = ApiTags.CARD_WEBHOOK)
public class CardWebhookController {

    private final Portals portals;
    private final CardNotifications notifications;
    private final RecordPublisher publisher;
    private final IdempotentRequests idempotency;

    public CardWebhookController(
            Portals portals,
            CardNotifications notifications,
            RecordPublisher publisher,
            IdempotentRequests idempotency) {
        this.idempotency = idempotency;
        this.portals = portals;
        this.notifications = notifications;
        this.publisher = publisher;
    }

    @Schema(
            name = "AcceptedNotification",
            description = "The notification was authentic and valid and is on its way to be applied.",
            requiredProperties = {"notificationId", "status"})
    public record AcceptedResponse(String notificationId, @Schema(allowableValues = "ACCEPTED") String status) {}

    /** The body a gateway sends: only documented here, since the signature is computed over the raw bytes. */
    @Schema(
            name = "CardNotification",
            description = "A card gateway's notification, as on the recon.card-notifications topic. Unknown fields are"
                    + " ignored.",
            requiredProperties = {
                "notificationId",
                "eventCode",
                "success",
                "orderId",
                "amount",
                "currency",
                "pspReference",
                "eventDatetime"
            })
    record CardNotificationBody(
            @Schema(description = "Unique per notification: a repeated one is ignored", example = "C-0001")
                    String notificationId,
            @Schema(allowableValues = {"AUTHORISATION", "CAPTURE", "REFUND", "CHARGEBACK"}) String eventCode,
            boolean success,
            @Schema(example = "TRX1234567890123428") String orderId,
            @Schema(example = "1100.00") BigDecimal amount,
            @Schema(description = "ISO 4217, upper case", example = "EUR") String currency,
            @Schema(example = "PSP-9") String pspReference,
            Instant eventDatetime,
            String reason,
            @Schema(description = "On REFUND: the CARD_REFUND or REFUND instruction it confirms")
                    String instructionId) {}

    @PostMapping("/api/v1/webhooks/card")
    @Operation(
            operationId = "receiveCardNotification",
            summary = "Receive a card notification",
            description = "A portal's card gateway pushes one notification, signed with the portal's webhook secret;"
                    + " it is applied like one from the recon.card-notifications topic.",
            security = {},
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = CardNotificationBody.class))))
    @ApiResponse(
            responseCode = "202",
            description = "Accepted",
            content = @Content(schema = @Schema(implementation = AcceptedResponse.class)))
    Mono<ResponseEntity<Object>> receive(
            @Parameter(description = "The portal whose webhook secret signed the body", required = true)
                    @RequestHeader(value = "X-Portal-Id", required = false)
                    String portalId,
            @Parameter(
                            description = "sha256= and the hex HMAC-SHA256 of the raw body with the webhook secret",
                            required = true,
                            example = "sha256=3b7c…")
                    @RequestHeader(value = "X-Signature", required = false)
                    String signature,
            @RequestBody(required = false) byte[] body,
            ServerWebExchange exchange) {
        if (portalId == null || signature == null || body == null || portalId.isBlank() || portalId.length() > 64) {
            return Mono.error(unauthorized());
        }
        return portals.webhookSecret(PortalId.of(portalId))
                .filter(secret -> signedBy(secret, body, signature))
                .switchIfEmpty(Mono.error(CardWebhookController::unauthorized))
                .flatMap(secret ->
                        idempotency.run(exchange, gateway(portalId), body, true, () -> accept(portalId, body)));
    }

    private Mono<ResponseEntity<Object>> accept(String portalId, byte[] body) {
        CardNotifications.Parsed parsed = notifications.parse(body, portalId);
        if (parsed.rejection() != null) {
            return Mono.error(parsed.rejection().asValidationFailure());
        }
        return publish(portalId, parsed.accepted().orderId(), body)
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new AcceptedResponse(parsed.accepted().notificationId(), "ACCEPTED")));
    }

    /** The gateway of a portal, as the scope of its Idempotency-Keys: it has no API key, only the webhook secret. */
    private static Caller gateway(String portalId) {
        return Caller.portal(PortalId.of(portalId), ApiKeys.sha256("card-webhook:" + portalId));
    }

    private Mono<Void> publish(String portalId, String orderId, byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(InboundRecord.SOURCE_PORTAL_HEADER, portalId.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.CARD_NOTIFICATIONS, null, orderId, body, headers);
        return publisher.publish(record).then();
    }

    /** Constant-time check of {@code sha256=<hex>} against the HMAC of the raw body. */
    static boolean signedBy(String secret, byte[] body, String signature) {
        String prefix = "sha256=";
        if (!signature.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of()
                    .parseHex(signature.substring(prefix.length()).trim().toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), presented);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static DomainException unauthorized() {
        return new DomainException(ErrorCode.UNAUTHORIZED, "A valid X-Portal-Id and X-Signature are required");
    }
}
