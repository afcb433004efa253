package io.crowdrecon.recon.payment.instruction;

/**
 * {@code CREATED → EXECUTED | FAILED}, confirmed by the bank (a DEBIT) or the gateway (a card
 * REFUND); {@code ON_HOLD} while no destination is known. A FAILED instruction stays failed: ops
 * re-issue it as a new, linked instruction. An instruction moves only along a row of {@link InstructionTransitions}.
 */
public enum InstructionStatus {
    CREATED,
    EXECUTED,
    FAILED,
    ON_HOLD
}
