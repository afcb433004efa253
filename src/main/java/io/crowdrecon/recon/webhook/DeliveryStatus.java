package io.crowdrecon.recon.webhook;

/** Where one event's delivery to one endpoint stands. */
public enum DeliveryStatus {
    /** Not yet answered with a 2xx: due now, waiting for a retry, or behind an earlier delivery of the same key. */
    PENDING,
    /** A 2xx answered an attempt. */
    DELIVERED,
    /** Every attempt failed for 3 days (or the endpoint answered 410): ends here unless replayed. */
    FAILED
}
