/**
 * Moneyouts: the parts of a moneyin waiting to leave (investment, fees, refunds) and their {@code MoneyoutStatus},
 * and {@link io.crowdrecon.recon.payment.moneyout.Settlement}, which turns them into payment instructions.
 */
@NullMarked
package io.crowdrecon.recon.payment.moneyout;

import org.jspecify.annotations.NullMarked;
