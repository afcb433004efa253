package io.crowdrecon.recon.payment.moneyout;

/** What may move a moneyout from one status to another: each trigger of {@link MoneyoutTransitions}. */
public enum MoneyoutTrigger {
    /** Its order is executed in full at the campaign's {@code finalized-success} (listed in {@code ordersToExecute}). */
    EXECUTE,
    /**
     * Its order's money goes back to the payer: {@code PUT /orders/{id}/cancelled} on an accounted order, listed in
     * {@code ordersToUndo}, or the campaign's {@code finalized-failure}.
     */
    REFUND,
    /** The bank recalled its moneyin (a DEBIT with {@code returnOfNotificationId}) while all its moneyouts were AVAILABLE. */
    RECALL,
    /**
     * Its money may not be there: a card CHARGEBACK on an accounted order, or its credit missing from the bank
     * statement ({@code NOT_ON_STATEMENT}); or it may not go on: a compliance hold on the order or its investor.
     */
    HOLD,
    /**
     * Ops resolve the {@code CHARGEBACK} or {@code NOT_ON_STATEMENT} review item with {@code "action": "RELEASE"}, or
     * release a compliance hold; each only when nothing else still holds the order.
     */
    RELEASE,
    /**
     * Ops resolve the {@code CHARGEBACK} review item with {@code "action": "REVERSE"} (the chargeback took the money
     * back), or refuse a compliance hold (the money goes back to its payer with a refund).
     */
    REVERSE_HELD
}
