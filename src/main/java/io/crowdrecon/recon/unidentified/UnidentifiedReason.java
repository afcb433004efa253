package io.crowdrecon.recon.unidentified;

/** Why a credit could not be matched (SPEC section 5); the {@code reason} of an unidentified transfer. */
public enum UnidentifiedReason {
    /** Rule 3: the credited IBAN is no portal's collection IBAN (visible to ops only). */
    UNKNOWN_ACCOUNT,
    /** Rule 4: no orderId in the structured reference or the description. */
    MISSING_REFERENCE,
    /** Rule 4: the description names two or more distinct orderIds. */
    AMBIGUOUS_REFERENCE,
    /** Rule 4: the one orderId named, or its creditor reference, has wrong check digits. */
    INVALID_REFERENCE,
    /** Rule 5: no such order, or an order of another portal than the credited one. */
    UNKNOWN_ORDER,
    /** Rule 6: the order is already {@code ACCOUNTED}, {@code SPLITTED} or {@code REFUNDED}. */
    ALREADY_PAID,
    /** Rule 6: the order is {@code FAILED}, {@code CANCELLED} or {@code EXPIRED}, or its payment window has passed. */
    ORDER_NOT_PAYABLE,
    /** Rule 7: the credit's currency is not the order's. */
    CURRENCY_MISMATCH,
    /** Rule 7: the credit's amount is not the order's {@code totalAmount}. */
    AMOUNT_MISMATCH
}
