package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one way in for a bank file: tells camt XML from MT940 by the file's first bytes (never its name) and hands the
 * stream to {@link CamtReader} or {@link Mt940Reader}.
 */
public final class BankFileReaders {

    /** How far the first significant character is looked for: past a BOM and blank lines, not through a file. */
    static final int PEEK_LIMIT = 4096;

    private static final int EXCERPT = 24;
    private static final String EXPECTED = "expected ISO 20022 camt.052/053/054 XML (starting with '<') or SWIFT MT940"
            + " (starting with a '{1:' block or a tag line such as ':20:')";

    private BankFileReaders() {}

    /**
     * Reads {@code in} with the reader its content calls for. A UTF-8 byte order mark, whitespace and blank lines
     * before the content are tolerated and not passed on; XML is what starts with {@code <} (an XML declaration
     * included), MT940 what starts with a SWIFT block {@code {1:} or a tag line such as {@code :20:}.
     *
     * @return the file's items, which the caller closes
     * @throws UnreadableBankFileException if the file is empty or in no supported format (the message says what was
     *     expected and how the file starts), or the chosen reader refuses it at once; the input is then closed
     */
    public static BankFileItems open(InputStream in) {
        Objects.requireNonNull(in, "in");
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, PEEK_LIMIT);
            buffered.mark(PEEK_LIMIT);
            byte[] head = buffered.readNBytes(PEEK_LIMIT);
            buffered.reset();
            Sniffed sniffed = sniff(head);
            buffered.skipNBytes(sniffed.skip());
            return switch (sniffed.kind()) {
                case XML -> new CamtReader().open(buffered);
                case MT940 -> new Mt940Reader().open(buffered);
            };
        } catch (IOException e) {
            closeQuietly(in);
            throw new UnreadableBankFileException("the file could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * What {@code head} (the file's first bytes) is, and how many leading bytes (BOM, whitespace) to drop before its
     * reader sees it.
     *
     * @throws UnreadableBankFileException if it is neither
     */
    static Sniffed sniff(byte[] head) {
        int start = startsWithUtf8Bom(head) ? 3 : 0;
        int at = start;
        while (at < head.length && isBlank(head[at])) {
            at++;
        }
        if (at == head.length) {
            throw new UnreadableBankFileException(blankReason(head.length, at > start) + ": " + EXPECTED);
        }
        if (head[at] == '<') {
            return new Sniffed(Kind.XML, at);
        }
        if (startsWith(head, at, "{1:") || isTagLine(head, at)) {
            return new Sniffed(Kind.MT940, at);
        }
        throw new UnreadableBankFileException(
                "not a bank file crowdrecon reads: " + EXPECTED + "; the file starts with " + excerpt(head, at));
    }

    private static String blankReason(int length, boolean blank) {
        if (length == 0 || !blank) {
            return "the file is empty";
        }
        return length < PEEK_LIMIT
                ? "the file holds only whitespace"
                : "the file starts with more than " + PEEK_LIMIT + " bytes of whitespace";
    }

    // An MT940 tag line: ':', two digits, an optional option letter, ':' (":20:", ":25:", ":28C:", ":60F:").
    private static boolean isTagLine(byte[] head, int at) {
        if (at + 4 > head.length || head[at] != ':' || !isDigit(head[at + 1]) || !isDigit(head[at + 2])) {
            return false;
        }
        int close = head[at + 3] >= 'A' && head[at + 3] <= 'Z' ? at + 4 : at + 3;
        return close < head.length && head[close] == ':';
    }

    private static boolean startsWithUtf8Bom(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    private static boolean startsWith(byte[] head, int at, String prefix) {
        if (at + prefix.length() > head.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (head[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    // The first characters, with control characters and undecodable bytes spelled out, so that a person sees them.
    private static String excerpt(byte[] head, int at) {
        String text = new String(head, at, Math.min(EXCERPT, head.length - at), StandardCharsets.UTF_8);
        StringBuilder shown = new StringBuilder("'");
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || c == 0xFFFD) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append(head.length - at > EXCERPT ? "…'" : "'").toString();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the file is given up on either way
        }
    }

    /** What the first bytes say. */
    enum Kind {
        XML,
        MT940
    }

    /**
     * @param kind the reader to use
     * @param skip the number of leading bytes (BOM, whitespace) not to pass on
     */
    record Sniffed(Kind kind, int skip) {}
}
