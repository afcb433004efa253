package io.crowdrecon.recon.bankfile;

import java.io.InputStream;

/** Opens a bank file's bytes as its items, in whatever supported format the content is (see {@code bankfile.read}). */
@FunctionalInterface
public interface BankFileReader {

    /**
     * @return the file's items, which the caller closes
     * @throws UnreadableBankFileException when the file is in no supported format
     */
    BankFileItems open(InputStream in);
}
