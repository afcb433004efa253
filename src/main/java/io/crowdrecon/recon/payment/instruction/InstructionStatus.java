package io.crowdrecon.recon.payment.instruction;

/**
 * {@code AWAITING_APPROVAL} (a CASHOUT, or an amount above {@link ReleasePolicy}'s threshold) until an approver lets it
 * go, then {@code CREATED → EXECUTED | FAILED}, confirmed by the bank (a DEBIT or a pain.002 status report) or the
 * gateway (a card REFUND), by way of {@code SENT} when a payment file carried it; {@code ON_HOLD} while no destination is known. A FAILED instruction stays failed: ops
 * re-issue it as a new, linked instruction. An instruction moves only along a row of {@link InstructionTransitions}.
 */
public enum InstructionStatus {
    AWAITING_APPROVAL,
    CREATED,
    EXECUTED,
    FAILED,
    ON_HOLD,
    /** A bank transfer carried by a pain.001 payment file the bank feed took: the bank's answer is awaited. */
    SENT
}
