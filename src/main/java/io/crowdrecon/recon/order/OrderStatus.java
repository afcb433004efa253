package io.crowdrecon.recon.order;

/**
 * The status of an order (SPEC section 4). {@link #CREATED}, {@link #WAITING} and {@link #INCORRECT_AMOUNT} are
 * payable: a matching credit accounts them. The others are reached only through {@link OrderTransitions}.
 */
public enum OrderStatus {
    /** Created by the portal; no payment seen yet. */
    CREATED,
    /** The investor is paying: the portal said so, or a card authorisation succeeded. */
    WAITING,
    /** A credit of the wrong amount arrived (and was returned); the order can still be paid in full. */
    INCORRECT_AMOUNT,
    /** Paid: one live moneyin and its moneyouts. */
    ACCOUNTED,
    /** Executed, in full or in part, at the campaign's successful finalization. */
    SPLITTED,
    /** Its money went back to the payer. */
    REFUNDED,
    /** The payment failed before any money arrived. */
    FAILED,
    /** Cancelled by the portal before any money arrived. */
    CANCELLED,
    /** Its campaign ended or its payment window passed before any money arrived; never reopens. */
    EXPIRED,
    /**
     * Revoked by the portal within the investor's reflection period; any money it had went back to the payer. Final.
     */
    REVOKED;

    /** Whether a credit of the right amount and currency accounts this order. */
    public boolean isPayable() {
        return OrderTransitions.isPayable(this);
    }
}
