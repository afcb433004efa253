package io.crowdrecon.recon.paymentfile;

/** What may move a payment file from one status to another: each trigger of {@link PaymentFileTransitions}. */
public enum PaymentFileTrigger {
    /** The bank feed adapter took the file to the bank ({@code PUT /ops/payment-files/{id}/sent}, to come). */
    SEND
}
