package io.crowdrecon.recon.order;

/** What may move an order from one status to another: each trigger of the order table in SPEC section 4. */
public enum OrderTrigger {
    /** {@code PUT /orders/{id}/waiting}. */
    PORTAL_WAITING,
    /** A successful card AUTHORISATION. */
    CARD_AUTHORISED,
    /** A credit that matches the order (SPEC section 5, rule 8). */
    MATCHING_CREDIT,
    /** A credit naming the order with the wrong amount (SPEC section 5, rule 7). */
    WRONG_AMOUNT_CREDIT,
    /** {@code PUT /orders/{id}/failed}, on either channel. */
    PORTAL_FAILED,
    /** A failed card AUTHORISATION. */
    CARD_AUTHORISATION_FAILED,
    /** {@code PUT /orders/{id}/cancelled}: cancels a payable order, refunds an accounted one. */
    PORTAL_CANCELLED,
    /**
     * The money of an accounted order goes back: listed in {@code ordersToUndo}, campaign {@code finalized-failure},
     * or a chargeback reversed by ops.
     */
    REFUND,
    /** Listed in {@code ordersToExecute} or as {@code orderToSplit} at {@code finalized-success}. */
    EXECUTE,
    /** The campaign was finalized or cancelled, or the order's payment window passed. */
    EXPIRE,
    /** The bank recalled the order's moneyin while all its moneyouts were still {@code AVAILABLE}. */
    RECALL,
    /**
     * {@code PUT /orders/{id}/revoked} within the reflection period: revokes a payable order, and refunds an accounted
     * one in full.
     */
    PORTAL_REVOKED
}
