package io.crowdrecon.recon.paymentfile;

/**
 * {@code CREATED} (built, stored, its bytes fixed) {@code → SENT} (taken by the bank feed adapter). {@code ACCEPTED},
 * {@code PARTIALLY_ACCEPTED} and {@code REJECTED} come from the bank's pain.002 status report, which is not read yet:
 * no row reaches them today. A file moves only along a row of {@link PaymentFileTransitions}.
 */
public enum PaymentFileStatus {
    CREATED,
    SENT,
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    REJECTED
}
