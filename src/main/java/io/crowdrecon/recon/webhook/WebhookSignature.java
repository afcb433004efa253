package io.crowdrecon.recon.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of Standard Webhooks v1: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code id.timestamp.body}, one per signing secret, space-separated (so that both secrets verify during a rotation).
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    /** One {@code v1,...} signature of {@code body} sent with this id and timestamp (seconds since the epoch). */
    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecret.key(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every JDK, and any key length is accepted.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header's value: a signature with each secret, space-separated. */
    public static String header(List<String> secrets, String messageId, long timestamp, byte[] body) {
        return secrets.stream()
                .map(secret -> sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }
}
