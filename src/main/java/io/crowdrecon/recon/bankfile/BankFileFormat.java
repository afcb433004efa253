package io.crowdrecon.recon.bankfile;

/**
 * The kinds of file a bank sends that crowdrecon reads. The format and its version come from the
 * content (the XML namespace, the MT940 tags), never from a file name.
 */
public enum BankFileFormat {
    /** ISO 20022 camt.052, the bank-to-customer account report (intraday). */
    CAMT_052(false),
    /** ISO 20022 camt.053, the bank-to-customer statement (end of day). */
    CAMT_053(true),
    /** ISO 20022 camt.054, the bank-to-customer debit/credit notification. */
    CAMT_054(false),
    /** SWIFT MT940, the customer statement message. */
    MT940(true),
    /** ISO 20022 pain.002, the customer payment status report: the bank's answer to a pain.001 we sent. */
    PAIN_002(false);

    private final boolean statement;

    BankFileFormat(boolean statement) {
        this.statement = statement;
    }

    /**
     * Whether its accounts' reports are booked statements, reconciled against the books (camt.053,
     * MT940); the others only carry notifications.
     */
    public boolean isStatement() {
        return statement;
    }
}
