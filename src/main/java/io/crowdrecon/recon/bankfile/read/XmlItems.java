package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.function.Function;

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

    /** The error for {@code reason} at {@code line}, naming where in its message the reader is. */
    abstract UnreadableBankFileException failAt(int line, String reason);

    /** The current element's text read by {@code parser}; its refusal names the element and the line. */
    <T> T value(String name, Function<String, T> parser) {
        int line = xml.line();
        String text = xml.text();
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw failAt(line, name + " " + e.getMessage());
        }
    }

    UnreadableBankFileException fail(String reason) {
        return failAt(xml.line(), reason);
    }

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
