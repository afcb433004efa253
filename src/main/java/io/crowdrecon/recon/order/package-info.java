/**
 * Subscription orders: their lifecycle ({@link io.crowdrecon.recon.order.OrderStatus}, moved only by the triggers of
 * {@link io.crowdrecon.recon.order.OrderTrigger} along the table in
 * {@link io.crowdrecon.recon.order.OrderTransitions}, SPEC section 4) and the channel investors pay them on. The table
 * is guarded by {@code OrderTransitionsTests}, which walks every (status, trigger) pair. The investor protection of
 * issue 23 is two pure decisions: {@link io.crowdrecon.recon.order.OrderLimits} (a campaign's ticket rules and the risk
 * warning, checked at creation under the investor's lock; {@code OrderLimitsTests}) and
 * {@link io.crowdrecon.recon.order.Revocation} (whether an order may be revoked in its reflection period;
 * {@code RevocationTests}); {@code InvestorProtectionIT} runs both through the API.
 */
@NullMarked
package io.crowdrecon.recon.order;

import org.jspecify.annotations.NullMarked;
