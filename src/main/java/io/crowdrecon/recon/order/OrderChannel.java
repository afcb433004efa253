package io.crowdrecon.recon.order;

/** How the investor is expected to pay an order (the order's {@code channel} field). */
public enum OrderChannel {
    /** A bank transfer to the portal's collection IBAN, naming the orderId. */
    MONEY_TRANSFER,
    /** A card payment through the portal's card gateway. */
    CREDIT_CARD
}
