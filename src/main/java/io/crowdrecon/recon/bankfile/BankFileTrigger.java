package io.crowdrecon.recon.bankfile;

/** What may move a bank file from one status to another: each trigger of {@link BankFileTransitions}. */
public enum BankFileTrigger {
    /** Every statement and entry of the file was booked, in the one transaction that holds the file's lock. */
    BOOK,
    /** The file is not one crowdrecon reads (unknown format, unreadable, invalid): the reason says why. */
    REJECT
}
