package io.crowdrecon.recon.payment;

/** How money moves: a SEPA bank transfer, or a card payment through the gateway (refunded on its pspReference). */
public enum PaymentChannel {
    BANK_TRANSFER,
    CARD
}
