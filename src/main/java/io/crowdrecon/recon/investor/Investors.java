package io.crowdrecon.recon.investor;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The investors of every portal. Each portal sees only its own: another portal's investor does not exist. */
public interface Investors {

    /** Stores a new investor; emits it as stored. */
    Mono<Investor> add(Investor investor);

    /**
     * Replaces the whole profile of the investor {@code investorId} of {@code portalId} and sets its
     * {@code updatedAt}. Emits the investor as now stored (its {@code createdAt} unchanged); completes empty
     * when {@code portalId} has no such investor.
     */
    Mono<Investor> replaceProfile(PortalId portalId, InvestorId investorId, InvestorProfile profile, Instant updatedAt);

    /** The investor if it belongs to {@code portalId}; completes empty when absent or another portal's. */
    Mono<Investor> ofPortal(PortalId portalId, InvestorId investorId);

    /**
     * Like {@link #ofPortal}, locking the investor's row until the transaction ends: order creation holds it while it
     * sums the investor's orders, so that two orders created at once cannot both slip under a limit.
     */
    Mono<Investor> lockOfPortal(PortalId portalId, InvestorId investorId);

    /**
     * The investors of {@code portalId} with at least one order in {@code campaignId}, the one with the newest order
     * first; the page's total counts them all.
     */
    Mono<Page<Investor>> ofCampaign(PortalId portalId, CampaignId campaignId, PageRequest page);
}
