/**
 * Compliance holds: an operator freezes the money of an investor (all their orders, later ones included) or of one
 * order while it is under review. A hold is {@code ACTIVE} until released (the money goes back to {@code AVAILABLE})
 * or refused (the paid orders are refunded to their payer, the payable ones expire). {@link
 * io.crowdrecon.recon.hold.ActiveHolds} tells other capabilities which orders are held.
 */
@NullMarked
package io.crowdrecon.recon.hold;

import org.jspecify.annotations.NullMarked;
