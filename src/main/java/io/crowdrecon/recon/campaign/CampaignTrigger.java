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
    /** {@code PUT …/finalized-failure}. */
    FINALIZE_FAILURE
}
