package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItems;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Queue;

/**
 * The items of an ISO 20022 file read with an {@link XmlCursor}, a few at a time: a reader's {@link #step()} reads
 * the next part of the file and queues what it found in {@link #ready}, or marks it {@link #finished}. A failure closes
 * the file. Shared by the camt and pain.002 readers.
 */
abstract class XmlItems implements BankFileItems {

    final XmlCursor xml;
    private final InputStream input;
    final Queue<BankFileItem> ready = new ArrayDeque<>(2);
    boolean finished;

    XmlItems(XmlCursor xml, InputStream input) {
        this.xml = xml;
        this.input = input;
    }

    /** Reads on: queues the next items in {@link #ready}, or sets {@link #finished} at the end of the message. */
    abstract void step();

    @Override
    public boolean hasNext() {
        try {
            while (ready.isEmpty() && !finished) {
                step();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return !ready.isEmpty();
    }

    @Override
    public BankFileItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the file has no more items");
        }
        return ready.poll();
    }

    @Override
    public void close() {
        finished = true;
        ready.clear();
        xml.close();
        closeQuietly(input);
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the file is given up on either way
        }
    }
}
