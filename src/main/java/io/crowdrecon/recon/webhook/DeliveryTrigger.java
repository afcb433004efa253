package io.crowdrecon.recon.webhook;

/** What ends or reopens a delivery: each trigger of {@link DeliveryTransitions}. A failed attempt that will be retried moves nothing. */
public enum DeliveryTrigger {
    /** An attempt was answered with a 2xx. */
    SUCCEED,
    /** The retries ran out (3 days), or the endpoint answered 410 Gone. */
    GIVE_UP,
    /** The portal asked for it again ({@code POST .../deliveries/{id}/retried}): sent anew, first attempt now. */
    REPLAY
}
