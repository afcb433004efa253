package io.crowdrecon.recon.campaign;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The campaigns of every portal; reads are always scoped to one portal. */
public interface Campaigns {

    Mono<Campaign> add(Campaign campaign);

    /** The campaign if it belongs to {@code portalId}; empty otherwise. */
    Mono<Campaign> ofPortal(PortalId portalId, CampaignId campaignId);

    /**
     * Like {@link #ofPortal} but locks the row until the transaction ends: status changes and order
     * creation take this lock so that they serialize.
     */
    Mono<Campaign> lockOfPortal(PortalId portalId, CampaignId campaignId);

    /** Takes a shared lock: order creation holds it so that no status change slips in between. */
    Mono<Campaign> shareLockOfPortal(PortalId portalId, CampaignId campaignId);

    /** The campaign, whichever portal owns it (internal use); empty when unknown. */
    Mono<Campaign> byId(CampaignId campaignId);

    Mono<Page<Campaign>> page(PortalId portalId, PageRequest request);

    /** Saves new terms; emits the campaign as saved. */
    Mono<Campaign> updateTerms(Campaign campaign);

    /**
     * Moves the campaign along {@code row} (of {@link CampaignTransitions}) if it is still {@code expected}, one of the
     * row's {@code from} statuses; emits true when this call moved it.
     */
    Mono<Boolean> moveStatus(
            CampaignId campaignId,
            CampaignStatus expected,
            Transition<CampaignStatus, CampaignTrigger> row,
            Instant at);
}
