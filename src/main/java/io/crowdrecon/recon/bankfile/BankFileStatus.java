package io.crowdrecon.recon.bankfile;

/**
 * A bank file's lifecycle: RECEIVED → BOOKED (its statements and entries booked, in one
 * transaction) | REJECTED (not a file crowdrecon reads: the reason says why).
 */
public enum BankFileStatus {
    RECEIVED,
    BOOKED,
    REJECTED
}
