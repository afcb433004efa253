package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.InputStream;

/**
 * Placeholder on the camt branch so that {@link BankFileReaders} compiles and routes MT940: the real reader is written
 * on its own branch and replaces this class when both are merged.
 */
public final class Mt940Reader {

    /**
     * Always refuses.
     *
     * @throws UnreadableBankFileException always: MT940 is not read on this branch
     */
    public BankFileItems open(InputStream in) {
        throw new UnreadableBankFileException("MT940 is not read yet");
    }
}
