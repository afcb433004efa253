package io.crowdrecon.recon.review;

/** What may move a review item from one status to another: each trigger of {@link ReviewTransitions}. */
public enum ReviewTrigger {
    /**
     * Ops resolve it with a note: {@code PUT /ops/review-items/{id}/resolved}, with its action for a
     * {@code CHARGEBACK} or {@code NOT_ON_STATEMENT}.
     */
    RESOLVED_BY_OPS,
    /**
     * The service fixed its cause: the failed instruction was re-issued ({@code INSTRUCTION_FAILED}), or the return was
     * given its destination ({@code RETURN_IMPOSSIBLE}).
     */
    CAUSE_FIXED
}
