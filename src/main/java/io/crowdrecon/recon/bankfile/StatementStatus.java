package io.crowdrecon.recon.bankfile;

/** What the reconciliation of one booked statement with the books found. */
public enum StatementStatus {
    /** No exception of any kind, and the bank's closing balance is the one the books expect. */
    RECONCILED,
    /** Booked, with exceptions (each a review item) or a difference between the bank's and the books' balance. */
    BREAKS,
    /** It does not add up: nothing in it is booked ({@code STATEMENT_INVALID}). */
    INVALID
}
