package io.crowdrecon.recon.ops;

import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;

/** {@code GET /stats}: a portal's settled money (sums of orderAmount, by the orders' current status). */
public record PortalStats(
        String currency,
        BigDecimal sumAccounted,
        long countAccounted,
        BigDecimal sumSplitted,
        long countSplitted,
        long countInvestorsWithAccountedOrSplitted,
        long countCampaignsFinalizedSuccess,
        long countCampaignsFinalizedFail) {

    public PortalStats {
        sumAccounted = Amounts.inMinorDigits(sumAccounted, currency);
        sumSplitted = Amounts.inMinorDigits(sumSplitted, currency);
    }
}
