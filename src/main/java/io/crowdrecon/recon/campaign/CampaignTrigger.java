package io.crowdrecon.recon.campaign;

/** What may move a campaign: the {@code PUT /campaigns/{id}/…} state changes of SPEC section 7. */
public enum CampaignTrigger {
    /** {@code PUT …/opened}. */
    OPEN,
    /** {@code PUT …/closed}. */
    CLOSE,
    /** {@code PUT …/cancelled}; the caller also checks that none of the campaign's orders is {@code ACCOUNTED}. */
    CANCEL,
    /** {@code PUT …/finalized-success}. */
    FINALIZE_SUCCESS,
    /** {@code PUT …/finalized-failure}: from CLOSED, or from FINALIZING to give up waiting. */
    FINALIZE_FAILURE,
    /** {@code PUT …/finalized-success} with {@code executeWhenCleared} while orders to execute have not cleared. */
    WAIT_FOR_CLEARING,
    /** The clearing job found every order to execute cleared, and executed the waiting finalization. */
    FUNDS_CLEARED,
    /** The clearing job found the waiting finalization no longer possible (a recall, a hold, a changed order). */
    CANCEL_FINALIZATION
}
