package io.crowdrecon.recon.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys and webhook secrets: 256-bit random tokens, base64url. Only their SHA-256 is stored
 * (a slow password hash buys nothing for 256 random bits and would cost every request).
 */
public final class ApiKeys {

    private ApiKeys() {}

    public static String newApiKey(SecureRandom random) {
        return "crk_" + randomToken(random);
    }

    public static String newWebhookSecret(SecureRandom random) {
        return "whsec_" + randomToken(random);
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String randomToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
