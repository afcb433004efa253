package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.InputStream;

/**
 * Reads an ISO 20022 pain.002 customer payment status report, the bank's answer to a pain.001 payment file, in
 * versions .001.03 to .001.14, streaming (see {@link Pain002Items} for what it reads and refuses).
 */
public final class Pain002Reader {

    /**
     * Starts reading {@code in}: checks it is a pain.002 crowdrecon reads and reads its group header.
     *
     * @return the items; {@link BankFileItems#next()} throws {@link UnreadableBankFileException} at the first thing
     *     that is not well-formed, and so may {@link BankFileItems#hasNext()}, which reads ahead
     * @throws UnreadableBankFileException if it is no pain.002 in a version read, or not well-formed up to the end of
     *     its group header; the input is then closed
     */
    public BankFileItems open(InputStream in) {
        return Pain002Items.open(in);
    }
}
