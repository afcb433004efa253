package io.crowdrecon.recon.unidentified;

/**
 * What may move an unidentified transfer from one status to another: each trigger of {@link UnidentifiedTransitions}.
 * Each follows what happened to the transfer's return instruction.
 */
public enum UnidentifiedTrigger {
    /** The bank's DEBIT EXECUTED, or a successful card REFUND notification, confirmed the return instruction. */
    RETURN_EXECUTED,
    /** The bank's DEBIT FAILED, or a failed card REFUND notification, answered the return instruction. */
    RETURN_FAILED,
    /** The return came back: a CREDIT carrying its instruction's id in {@code returnOfInstructionId} (SPEC section 5, rule 2). */
    RETURN_CAME_BACK,
    /** Ops re-issue the failed return ({@code PUT /ops/instructions/{id}/reissued}) to a known destination. */
    RETURN_REISSUED,
    /** Ops re-issue the failed return with no destination known: the new return is ON_HOLD. */
    RETURN_REISSUED_ON_HOLD,
    /**
     * Ops give the ON_HOLD return its destination: {@code PUT /ops/unidentified-transfers/{id}/return-iban}, or
     * {@code PUT /ops/instructions/{id}/reissued} with an {@code iban} on the ON_HOLD instruction.
     */
    DESTINATION_GIVEN
}
