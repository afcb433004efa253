package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Loads the facts statements and ledgers are built from, each set in one consistent snapshot; changes nothing. */
public interface StatementFacts {

    /**
     * The facts of the investor's orders created in {@code [from, until)}, oldest first (no {@link MoneyFacts#payouts()
     * payouts}); completes empty when the investor is not the portal's.
     */
    Mono<MoneyFacts> ofInvestor(PortalId portalId, InvestorId investorId, Instant from, Instant until);

    /** The campaign's facts and currency; completes empty when the campaign is not the portal's. */
    Mono<CampaignFacts> ofCampaign(PortalId portalId, CampaignId campaignId);

    /** The portal of the investor, for ops, who may read any portal's; completes empty when there is no such investor. */
    Mono<PortalId> portalOfInvestor(InvestorId investorId);

    /** The portal of the campaign, for ops; completes empty when there is no such campaign. */
    Mono<PortalId> portalOfCampaign(CampaignId campaignId);

    /** A campaign's currency and the facts of all its orders and its cashout. */
    record CampaignFacts(String currency, MoneyFacts facts) {}
}
