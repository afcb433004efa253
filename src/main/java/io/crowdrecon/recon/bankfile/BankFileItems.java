package io.crowdrecon.recon.bankfile;

import java.util.Iterator;

/**
 * A bank file being read, one {@link BankFileItem} at a time; reading stops and the input is
 * released on {@link #close()}. {@link #next()} throws {@link UnreadableBankFileException} at the
 * first thing that is not a well-formed file of its format.
 */
public interface BankFileItems extends Iterator<BankFileItem>, AutoCloseable {

    @Override
    void close();
}
