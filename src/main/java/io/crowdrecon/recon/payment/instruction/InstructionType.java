package io.crowdrecon.recon.payment.instruction;

/** Why money goes out. */
public enum InstructionType {
    /** An accounted order's money back to its payer. */
    REFUND,
    /** An unidentified bank transfer back to its payer. */
    TRANSFER_RETURN,
    /** An unidentified or refunded card payment back on its pspReference. */
    CARD_REFUND,
    /** A successful campaign's money to the company. */
    CASHOUT,
    /** A successful campaign's fees to the portal. */
    FEE_PAYOUT
}
