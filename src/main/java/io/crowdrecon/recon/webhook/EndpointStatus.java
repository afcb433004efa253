package io.crowdrecon.recon.webhook;

/** Whether an endpoint receives its deliveries: a DISABLED one keeps them PENDING until it is enabled again. */
public enum EndpointStatus {
    ENABLED,
    DISABLED
}
