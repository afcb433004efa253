package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The successful finalizations waiting for their funds to clear: one per FINALIZING campaign. */
public interface PendingFinalizations {

    /**
     * @param requestedAt when the portal asked: a recall after it cancels the finalization
     * @param clearsAt when the last order to execute clears, as last computed
     */
    record Pending(
            CampaignId campaignId, PortalId portalId, FinalizationPlan plan, Instant requestedAt, Instant clearsAt) {}

    Mono<Void> add(Pending pending);

    /** The campaign's waiting finalization, or empty. */
    Mono<Pending> of(CampaignId campaignId);

    /** Every waiting finalization, oldest first. */
    Flux<Pending> all();

    /** Records a new estimate of when the last order clears. */
    Mono<Void> clearsAt(CampaignId campaignId, Instant clearsAt);

    /** Forgets the campaign's waiting finalization (executed, cancelled or given up); there may be none. */
    Mono<Void> remove(CampaignId campaignId);
}
