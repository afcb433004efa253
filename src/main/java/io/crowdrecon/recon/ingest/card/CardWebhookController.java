package io.crowdrecon.recon.ingest.card;

import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.platform.kafka.RecordPublisher;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
public class CardWebhookController {

    private final Portals portals;
    private final CardNotifications notifications;
    private final RecordPublisher publisher;

    public CardWebhookController(Portals portals, CardNotifications notifications, RecordPublisher publisher) {
        this.portals = portals;
        this.notifications = notifications;
        this.publisher = publisher;
    }

    public record AcceptedResponse(String notificationId, String status) {}

    @PostMapping("/api/v1/webhooks/card")
    Mono<ResponseEntity<AcceptedResponse>> receive(
            @RequestHeader(value = "X-Portal-Id", required = false) String portalId,
            @RequestHeader(value = "X-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (portalId == null || signature == null || body == null || portalId.length() > 64) {
            return Mono.error(unauthorized());
        }
        return portals.webhookSecret(portalId)
                .filter(secret -> signedBy(secret, body, signature))
                .switchIfEmpty(Mono.error(CardWebhookController::unauthorized))
                .flatMap(secret -> {
                    CardNotifications.Parsed parsed = notifications.parse(body, portalId);
                    if (parsed.rejection() != null) {
                        return Mono.error(new DomainException(
                                ErrorCode.VALIDATION_FAILED,
                                "Not a valid card notification: "
                                        + parsed.rejection().reason()));
                    }
                    return publish(portalId, parsed.event().orderId(), body)
                            .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                                    .body(new AcceptedResponse(parsed.event().notificationId(), "ACCEPTED")));
                });
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
