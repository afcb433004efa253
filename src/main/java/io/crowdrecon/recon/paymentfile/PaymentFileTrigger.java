package io.crowdrecon.recon.paymentfile;

/** What may move a payment file from one status to another: each trigger of {@link PaymentFileTransitions}. */
public enum PaymentFileTrigger {
    /** The bank feed adapter took the file to the bank ({@code PUT /ops/payment-files/{id}/sent}). */
    SEND,
    /** The bank's pain.002 accepted every transfer it answered finally. */
    REPORTED_ACCEPTED,
    /** The bank's pain.002 accepted some transfers and rejected others (or said {@code PART}). */
    REPORTED_PARTIALLY_ACCEPTED,
    /** The bank's pain.002 rejected every transfer it answered finally. */
    REPORTED_REJECTED
}
