package io.crowdrecon.recon.export;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.PortalId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which rows an export holds.
 *
 * @param portalId only this portal's rows; null for every portal's (operators only)
 * @param campaignId only this campaign's rows (unidentified transfers: those whose candidate order is of it); null
 *     for all
 */
public record ExportFilter(ExportPeriod period, @Nullable PortalId portalId, @Nullable CampaignId campaignId) {

    public ExportFilter {
        Objects.requireNonNull(period, "period");
    }
}
