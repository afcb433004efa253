package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks v1 signature, checked against the reference library's own output. */
class WebhookSignatureTests {

    // The example of the Standard Webhooks reference libraries; node's `standardwebhooks` 1.3.0 signs it as below.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsTheReferenceLibraryDoes() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretDuringARotation() {
        String next = WebhookSecret.generate(new SecureRandom());
        assertThat(WebhookSignature.header(List.of(next, SECRET), ID, TIMESTAMP, BODY))
                .isEqualTo(WebhookSignature.sign(next, ID, TIMESTAMP, BODY)
                        + " v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aChangedBodyIdOrTimestampChangesTheSignature() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(
                        SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }

    @Test
    void generatesSecretsOf32RandomBytesWithThePrefix() {
        SecureRandom random = new SecureRandom();
        String one = WebhookSecret.generate(random);
        assertThat(one).startsWith("whsec_");
        assertThat(WebhookSecret.key(one)).hasSize(32);
        assertThat(WebhookSecret.generate(random)).isNotEqualTo(one);
    }
}
