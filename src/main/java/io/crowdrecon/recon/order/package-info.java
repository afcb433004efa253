/**
 * Subscription orders: their lifecycle ({@link io.crowdrecon.recon.order.OrderStatus}, moved only by the triggers of
 * {@link io.crowdrecon.recon.order.OrderTrigger} along the table in
 * {@link io.crowdrecon.recon.order.OrderTransitions}, SPEC section 4) and the channel investors pay them on. The table
 * is guarded by {@code OrderTransitionsTests}, which walks every (status, trigger) pair.
 */
@NullMarked
package io.crowdrecon.recon.order;

import org.jspecify.annotations.NullMarked;
