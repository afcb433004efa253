package io.crowdrecon.recon.matching;

/** How a credit reached the service. */
public enum CreditChannel {
    /** A CREDIT notification of the bank feed: a transfer to a collection IBAN. */
    BANK_TRANSFER,
    /** A successful CAPTURE notification of a card gateway. */
    CARD
}
