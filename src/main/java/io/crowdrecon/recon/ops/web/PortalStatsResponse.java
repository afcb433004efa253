package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.ops.PortalStats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** {@code GET /stats} as the API shows {@link PortalStats}. */
@Schema(
        name = "PortalStats",
        requiredProperties = {
            "currency",
            "sumAccounted",
            "countAccounted",
            "sumSplitted",
            "countSplitted",
            "countInvestorsWithAccountedOrSplitted",
            "countCampaignsFinalizedSuccess",
            "countCampaignsFinalizedFail"
        })
public record PortalStatsResponse(
        String currency,
        BigDecimal sumAccounted,
        long countAccounted,
        BigDecimal sumSplitted,
        long countSplitted,
        long countInvestorsWithAccountedOrSplitted,
        long countCampaignsFinalizedSuccess,
        long countCampaignsFinalizedFail) {

    static PortalStatsResponse of(PortalStats s) {
        return new PortalStatsResponse(
                s.currency(),
                s.sumAccounted(),
                s.countAccounted(),
                s.sumSplitted(),
                s.countSplitted(),
                s.countInvestorsWithAccountedOrSplitted(),
                s.countCampaignsFinalizedSuccess(),
                s.countCampaignsFinalizedFail());
    }
}
