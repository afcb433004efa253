/**
 * Cleared funds (issue 23, item 4): a moneyin's money is the company's only once the bank can no longer recall it. A
 * transfer clears a portal's {@code clearingBusinessDays} TARGET2 business days after its booking date
 * ({@link io.crowdrecon.recon.shared.Target2Calendar}), a card capture its {@code cardClearingPeriod} after the
 * capture ({@link io.crowdrecon.recon.clearing.Clearing}). Computed when asked, from the portal's settings of the day:
 * nothing is stored.
 */
@NullMarked
package io.crowdrecon.recon.clearing;

import org.jspecify.annotations.NullMarked;
