package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.ApiKeys;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator key: {@code RECON_OPS_API_KEY} (property {@code recon.ops-api-key}) when set, else
 * generated at start and logged once, so that a fresh install can be used at all. Only its
 * SHA-256 is kept in memory afterwards.
 */
public final class OpsApiKey {

    private static final Logger log = LoggerFactory.getLogger(OpsApiKey.class);

    private final byte[] hash;

    private OpsApiKey(byte[] hash) {
        this.hash = hash;
    }

    public static OpsApiKey configuredOrGenerated(String configured, SecureRandom random) {
        if (configured != null && !configured.isBlank()) {
            return new OpsApiKey(ApiKeys.sha256(configured.trim()));
        }
        String generated = ApiKeys.newApiKey(random);
        log.warn(
                "RECON_OPS_API_KEY is not set; generated ops API key for this run: {}"
                        + " (set RECON_OPS_API_KEY to choose a stable one)",
                generated);
        return new OpsApiKey(ApiKeys.sha256(generated));
    }

    public byte[] hash() {
        return hash.clone();
    }
}
