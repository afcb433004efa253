package io.crowdrecon.recon.bankfile.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an MT940 file, one at a time, without their CR LF or LF. Each line is decoded on its own: as UTF-8
 * when it is valid UTF-8, else as ISO-8859-1, because German banks send umlauts in either and a file never says which
 * (SWIFT's own character set is ASCII, the same in both). A UTF-8 byte order mark at the start is dropped.
 */
final class Mt940Lines implements AutoCloseable {

    /** Far above SWIFT's 65 characters, and a bound on what one line of a file without line breaks can cost. */
    static final int MAX_LINE_BYTES = 8192;

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private int number;
    private boolean first = true;

    Mt940Lines(InputStream in) {
        this.in = in;
    }

    /** The 1-based number of the line {@link #next()} last returned. */
    int number() {
        return number;
    }

    /**
     * The next line, or null at the end of the input.
     *
     * @throws Mt940Problem if the line is longer than {@link #MAX_LINE_BYTES} or holds a NUL character
     * @throws UncheckedIOException if the input cannot be read
     */
    @Nullable
    String next() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length == MAX_LINE_BYTES) {
                throw new Mt940Problem(
                        number + 1, "a line longer than " + MAX_LINE_BYTES + " bytes: not an MT940 file");
            }
            line[length++] = b;
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (first) {
            first = false;
            if (length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                start = 3;
            }
        }
        return decode(start, length);
    }

    private String decode(int start, int end) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (line[i] == 0) {
                throw new Mt940Problem(number, "a NUL character: not an MT940 file");
            }
            if (line[i] < 0) {
                ascii = false;
            }
        }
        if (ascii) {
            return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }

    private boolean fill() {
        try {
            int read;
            do {
                read = in.read(buffer, 0, buffer.length);
            } while (read == 0);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing is read after close; a stream that fails to close has nothing more to give.
        }
    }
}
