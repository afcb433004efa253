/**
 * Card gateway events after the capture: refunds, chargebacks and their resolution by ops
 * ({@link io.crowdrecon.recon.payment.card.ApplyCardEvent},
 * {@link io.crowdrecon.recon.payment.card.ChargebackResolution}).
 */
@NullMarked
package io.crowdrecon.recon.payment.card;

import org.jspecify.annotations.NullMarked;
