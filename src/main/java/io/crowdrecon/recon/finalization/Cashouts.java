package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.shared.CampaignId;
import reactor.core.publisher.Mono;

/** The cashouts of finalized campaigns (one per campaign). */
public interface Cashouts {

    Mono<Void> add(Cashout cashout);

    /** The campaign's cashout with its current status; empty when none. */
    Mono<CashoutView> ofCampaign(CampaignId campaignId);
}
