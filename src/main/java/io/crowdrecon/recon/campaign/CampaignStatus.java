package io.crowdrecon.recon.campaign;

/**
 * The status of a campaign (SPEC section 4): {@code CREATED → OPEN → CLOSED → FINALIZED_SUCCESS | FINALIZED_FAIL},
 * or {@code CANCELLED}; a successful finalization asked to wait for its funds to clear passes through
 * {@link #FINALIZING}. Orders are created only while {@link #OPEN}; credits for payable orders are still matched while
 * {@link #CLOSED}.
 */
public enum CampaignStatus {
    CREATED,
    OPEN,
    CLOSED,
    /**
     * {@code finalized-success} with {@code executeWhenCleared}: accepted, waiting for the orders to execute to clear;
     * the clearing job executes it then, or a recall or any change to its orders sends it back to CLOSED.
     */
    FINALIZING,
    FINALIZED_SUCCESS,
    FINALIZED_FAIL,
    CANCELLED;

    /** Whether {@code POST /orders} may create an order in this campaign (otherwise 409 {@code CAMPAIGN_NOT_OPEN}). */
    public boolean acceptsOrders() {
        return this == OPEN;
    }

    /** Whether the campaign has ended: no status follows, and none of its orders is payable any more. */
    public boolean isFinal() {
        return this == FINALIZED_SUCCESS || this == FINALIZED_FAIL || this == CANCELLED;
    }
}
