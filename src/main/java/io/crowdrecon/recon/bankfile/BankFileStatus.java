package io.crowdrecon.recon.bankfile;

/**
 * A bank file's lifecycle: RECEIVED → BOOKED (its statements and entries booked, in one
 * transaction) | REJECTED (not a file crowdrecon reads: the reason says why). A file moves only along a row of
 * {@link BankFileTransitions}.
 */
public enum BankFileStatus {
    RECEIVED,
    BOOKED,
    REJECTED
}
