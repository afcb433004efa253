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

    /** A campaign's currency and the facts of all its orders and its cashout. */
    record CampaignFacts(String currency, MoneyFacts facts) {}
}
