/**
 * The money of an order and of a campaign: payment, moneyouts, refunds, unidentified transfers, and the ops view of
 * payment instructions.
 */
@NullMarked
package io.crowdrecon.recon.payment.web;

import org.jspecify.annotations.NullMarked;
