/** Refunds of accounted orders: their records and {@link io.crowdrecon.recon.payment.refund.PaymentRefunds}. */
package io.crowdrecon.recon.payment.refund;
