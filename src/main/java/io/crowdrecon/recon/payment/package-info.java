/**
 * The money of orders once it moved: moneyins (what arrived, {@link io.crowdrecon.recon.payment.Moneyins}) and the
 * channel it arrived on. Each lifecycle of a money move has its own sub-package, its table, decision and store side by
 * side: {@code moneyout} (moneyouts and their settlement), {@code instruction} (payment instructions to the bank and
 * the debits that execute them), {@code refund} (refunds of accounted orders) and {@code card} (card gateway events:
 * refunds, chargebacks and their resolution).
 */
@NullMarked
package io.crowdrecon.recon.payment;

import org.jspecify.annotations.NullMarked;
