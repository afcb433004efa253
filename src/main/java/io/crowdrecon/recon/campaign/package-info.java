/**
 * Campaigns: their lifecycle ({@link io.crowdrecon.recon.campaign.CampaignStatus}, moved by
 * {@link io.crowdrecon.recon.campaign.CampaignTrigger} along the table in
 * {@link io.crowdrecon.recon.campaign.CampaignTransitions}, SPEC section 4). The table is guarded by
 * {@code CampaignTransitionsTests}, which walks every (status, trigger) pair.
 */
@NullMarked
package io.crowdrecon.recon.campaign;

import org.jspecify.annotations.NullMarked;
