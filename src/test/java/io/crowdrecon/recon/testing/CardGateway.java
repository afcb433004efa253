package io.crowdrecon.recon.testing;

import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A card gateway for tests: delivers notifications the two ways SPEC.md allows, straight to
 * {@code recon.card-notifications} (keyed by orderId) or through a portal's signed webhook
 * ({@code POST /api/v1/webhooks/card}).
 */
public final class CardGateway {

    public static final String WEBHOOK = "/api/v1/webhooks/card";

    /** How a notification reaches the service. */
    public enum Delivery {
        /** Published to {@code recon.card-notifications} by the gateway itself: no portal is named. */
        KAFKA,
        /** Pushed to the portal's signed webhook: the portal that signed it is the one it concerns. */
        WEBHOOK
    }

    private final WebTestClient web;
    private final TestKafka kafka;

    public CardGateway(WebTestClient web, TestKafka kafka) {
        this.web = web;
        this.kafka = kafka;
    }

    public WebTestClient web() {
        return web;
    }

    /** Delivers {@code notification} for {@code portal}; through the webhook it must be accepted (202). */
    public void deliver(Delivery delivery, TestPortal portal, CardNotification notification) {
        if (delivery == Delivery.KAFKA) {
            publish(notification);
        } else {
            push(portal, notification)
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.notificationId")
                    .isEqualTo(notification.notificationId());
        }
    }

    /** Publishes {@code notification} to the card topic, keyed by its orderId. */
    public void publish(CardNotification notification) {
        kafka.send(CardMessages.TOPIC, notification.orderId(), notification.json());
    }

    /** Pushes {@code notification} to the webhook, signed with the portal's secret. */
    public WebTestClient.ResponseSpec push(TestPortal portal, CardNotification notification) {
        byte[] body = notification.bytes();
        return post(portal.portalId(), signature(portal.webhookSecret(), body), body);
    }

    /** A raw webhook call; a null header is left out. */
    public WebTestClient.ResponseSpec post(String portalId, String signature, byte[] body) {
        WebTestClient.RequestBodySpec request = web.post().uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON);
        if (portalId != null) {
            request = request.header("X-Portal-Id", portalId);
        }
        if (signature != null) {
            request = request.header("X-Signature", signature);
        }
        return request.bodyValue(body).exchange();
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, body)>}, as SPEC.md section 7 defines it. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
