/** Refunds of accounted orders: their records and {@link io.crowdrecon.recon.payment.refund.PaymentRefunds}. */
@NullMarked
package io.crowdrecon.recon.payment.refund;

import org.jspecify.annotations.NullMarked;
