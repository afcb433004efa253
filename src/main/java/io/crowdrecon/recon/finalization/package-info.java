/**
 * The end of a CLOSED campaign, {@code finalized-success} or {@code finalized-failure} (SPEC sections 4 and 7), and its
 * cashout. {@link io.crowdrecon.recon.finalization.Finalization} is a pure function from the locked campaign, its
 * orders and their moneyouts (and, at a success, the portal's plan, the company and the portal) to a
 * {@link io.crowdrecon.recon.finalization.FinalizationDecision}: a refusal, or the ordered steps, amounts and payouts
 * that {@link io.crowdrecon.recon.finalization.FinalizeCampaign} carries out in one transaction. Guarded by
 * {@code FinalizationTests}, and end to end by {@code CampaignFinalizationIT}, {@code CampaignFailureAndCancellationIT}
 * and {@code FinalizationRaceIT}.
 */
@NullMarked
package io.crowdrecon.recon.finalization;

import org.jspecify.annotations.NullMarked;
