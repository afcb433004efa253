package io.crowdrecon.recon.payment.instruction;

/** What may move a payment instruction from one status to another: each trigger of {@link InstructionTransitions}. */
public enum InstructionTrigger {
    /** The bank's DEBIT with status EXECUTED, or a successful card REFUND notification, answers the instruction. */
    CONFIRMED_EXECUTED,
    /** The bank's DEBIT with status FAILED, or a failed card REFUND notification, answers the instruction. */
    CONFIRMED_FAILED,
    /** The money came back: a CREDIT carrying the instruction's id in {@code returnOfInstructionId} (SPEC section 5, rule 2). */
    RETURNED_BY_BANK,
    /**
     * Ops give an ON_HOLD instruction its destination: {@code PUT /ops/instructions/{id}/reissued} with an
     * {@code iban}, or {@code PUT /ops/unidentified-transfers/{id}/return-iban}.
     */
    DESTINATION_GIVEN,
    /** As {@link #DESTINATION_GIVEN}, for an instruction that must then be approved ({@link ReleasePolicy}). */
    DESTINATION_GIVEN_AWAITING_APPROVAL,
    /** An approver lets the instruction go: {@code PUT /ops/instructions/{id}/approved}. */
    APPROVED,
    /** An approver refuses it, with a note: {@code PUT /ops/instructions/{id}/rejected}; the money stays. */
    APPROVAL_REJECTED,
    /** The bank feed took the payment file carrying it: {@code PUT /ops/payment-files/{id}/sent}. */
    FILE_SENT
}
