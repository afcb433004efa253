package io.crowdrecon.recon.webhook;

/** What moves an endpoint between ENABLED and DISABLED: each trigger of {@link EndpointTransitions}. */
public enum EndpointTrigger {
    /** The receiver answered 410 Gone, failed every delivery for 3 days, or the portal switched it off. */
    DISABLE,
    /** The portal switched it on again ({@code PUT} with {@code enabled: true}): its waiting deliveries go out. */
    ENABLE
}
