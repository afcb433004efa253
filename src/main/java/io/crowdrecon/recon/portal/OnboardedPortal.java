package io.crowdrecon.recon.portal;

/** A portal just created, with its API key and webhook secret: shown once, never stored in clear (the key). */
public record OnboardedPortal(Portal portal, String apiKey, String webhookSecret) {}
