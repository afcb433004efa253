/**
 * The end of a campaign: {@code finalized-success} executes, undoes or splits its accounted orders and pays the
 * company a cashout net of the success fee; {@code finalized-failure} refunds them; both expire the payable ones
 * (SPEC "Finalization"). {@link io.crowdrecon.recon.finalization.FinalizeCampaign} does it in one transaction with its
 * events. Guarded by {@code CampaignFinalizationIT}, {@code CampaignFailureAndCancellationIT} and
 * {@code FinalizationRaceIT}.
 */
package io.crowdrecon.recon.finalization;
