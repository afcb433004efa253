package io.crowdrecon.recon.bankfile;

/** What an account section of a bank file is, from its format. */
public enum StatementKind {
    /** camt.053 {@code Stmt}, an MT940 message: the bank's booked statement, reconciled with the books. */
    STATEMENT,
    /** camt.052 {@code Rpt}: an intraday report; its entries are notifications, nothing is reconciled. */
    REPORT,
    /** camt.054 {@code Ntfctn}: a debit/credit notification; its entries are notifications. */
    NOTIFICATION;

    public static StatementKind of(BankFileFormat format) {
        return switch (format) {
            case CAMT_053, MT940 -> STATEMENT;
            case CAMT_052 -> REPORT;
            case CAMT_054 -> NOTIFICATION;
            case PAIN_002 -> throw new IllegalArgumentException("a pain.002 status report has no account sections");
        };
    }
}
