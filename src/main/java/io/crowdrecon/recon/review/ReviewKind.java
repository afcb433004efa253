package io.crowdrecon.recon.review;

/** What an operator has to look at (SPEC.md section 4). */
public enum ReviewKind {
    PAYER_MISMATCH,
    CHARGEBACK,
    CHARGEBACK_LOSS,
    INSTRUCTION_FAILED,
    UNEXPECTED_DEBIT,
    RECALL_AFTER_PAYOUT,
    FEED_CONFLICT,
    RETURN_IMPOSSIBLE,
    DLQ_CREDIT,
    CHANNEL_MISMATCH
}
