package io.crowdrecon.recon.bankfile.read;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of an MT940 file, one at a time: a field runs from its {@code :tag:} line to the next tag line, the end
 * of its message or the end of the input, so only one field's lines are ever held. Reads both shapes banks send:
 * messages in SWIFT blocks ({@code {1:…}{2:O940…}{4:} … {@code -}} and an optional {@code {5:…}} trailer), and bare
 * messages ({@code :20:} … {@code -}, as German banks' downloads are), with blank lines between them.
 */
final class Mt940Fields implements AutoCloseable {

    /** Far above the 6 × 65 characters of a standard {@code :86:}, and a bound on what one field can cost. */
    static final int MAX_FIELD_CHARS = 64 * 1024;

    /** What the file holds next. */
    sealed interface Token permits Field, MessageEnd, EndOfInput {}

    /**
     * One field.
     *
     * @param tag such as {@code 20}, {@code 60F}, {@code 86}
     * @param lines its value's lines as written, the first being what follows {@code :tag:} on the tag line
     * @param line the 1-based line of the file the field starts at
     */
    record Field(String tag, List<String> lines, int line) implements Token {

        /** The first line of the value, without surrounding blanks. */
        String firstLine() {
            return lines.get(0).strip();
        }
    }

    /** The end of a message: a {@code -} line, or {@code -}} closing a SWIFT text block. */
    record MessageEnd(int line) implements Token {}

    /**
     * The end of the input.
     *
     * @param line the number of the last line
     * @param insideTextBlock whether the input ends inside a {@code {4:} block that no {@code -}} closed
     */
    record EndOfInput(int line, boolean insideTextBlock) implements Token {}

    private final Mt940Lines lines;
    private @Nullable FieldBuilder pending;
    private @Nullable Token queued;
    private @Nullable EndOfInput end;
    private boolean inTextBlock;

    Mt940Fields(Mt940Lines lines) {
        this.lines = lines;
    }

    /**
     * The next field or boundary; {@link EndOfInput} at the end, and again on every later call.
     *
     * @throws Mt940Problem at a line that belongs to no field, a message that is no MT940, or a field too long
     */
    Token next() {
        if (queued != null) {
            Token token = queued;
            queued = null;
            return token;
        }
        if (end != null) {
            return end;
        }
        while (true) {
            String raw = lines.next();
            if (raw == null) {
                EndOfInput last = new EndOfInput(lines.number(), inTextBlock);
                end = last;
                Token field = flushThen(last);
                return field != null ? field : last; // flushThen gives the field being read, else the end
            }
            Token token = read(raw, lines.number());
            if (token != null) {
                return token;
            }
        }
    }

    /** The token {@code raw} completes, or null when it only adds to what is being read. */
    private @Nullable Token read(String raw, int number) {
        String text = raw.stripTrailing();
        if (text.isEmpty()) {
            return null;
        }
        if (!inTextBlock && isBlockHeader(text)) {
            return readBlockHeader(text, number);
        }
        if (inTextBlock && text.startsWith("-}")) {
            // Anything after it on the line is the {5:…} trailer, which carries nothing a statement needs.
            inTextBlock = false;
            return flushThen(new MessageEnd(number));
        }
        if (inTextBlock && text.equals("}") && pending == null) {
            inTextBlock = false;
            return null;
        }
        if (text.equals("-")) {
            return flushThen(new MessageEnd(number));
        }
        if (inTextBlock && (text.startsWith("{1:") || text.startsWith("{2:") || text.startsWith("{4:"))) {
            throw new Mt940Problem(
                    number, "a SWIFT message begins before the previous one's text block is closed by -}");
        }
        String tag = tagOf(text);
        if (tag != null) {
            FieldBuilder started = new FieldBuilder(tag, raw.substring(tag.length() + 2), number);
            FieldBuilder done = pending;
            pending = started;
            return done == null ? null : done.build();
        }
        if (pending != null) {
            pending.add(raw, number);
            return null;
        }
        if (!inTextBlock && isBankHeaderLine(text)) {
            return null;
        }
        throw new Mt940Problem(number, "'" + echo(text) + "' belongs to no MT940 field (a field starts with :tag:)");
    }

    private @Nullable Token readBlockHeader(String text, int number) {
        int application = text.indexOf("{2:");
        if (application >= 0) {
            String type = text.length() >= application + 7 ? text.substring(application + 4, application + 7) : "";
            if (!type.equals("940")) {
                throw new Mt940Problem(number, "a SWIFT MT" + echo(type) + " message, not an MT940");
            }
        }
        int textBlock = text.indexOf("{4:");
        if (textBlock < 0) {
            // {1:…}, {3:…} or a {5:…} trailer on a line of its own.
            return null;
        }
        Token before = flushThen(null);
        inTextBlock = true;
        String rest = text.substring(textBlock + 3);
        Token token = rest.isBlank() ? null : read(rest, number);
        if (before != null) {
            queued = token;
            return before;
        }
        return token;
    }

    /**
     * The field being read, if any, with {@code after} queued behind it; else {@code after} itself.
     */
    private @Nullable Token flushThen(@Nullable Token after) {
        if (pending == null) {
            return after;
        }
        Field field = pending.build();
        pending = null;
        queued = after;
        return field;
    }

    /** Whether {@code text} starts with a SWIFT block: {@code {1:} to {@code {5:}, or {@code {S:}. */
    private static boolean isBlockHeader(String text) {
        return text.length() >= 3
                && text.charAt(0) == '{'
                && text.charAt(2) == ':'
                && ((text.charAt(1) >= '1' && text.charAt(1) <= '5') || text.charAt(1) == 'S');
    }

    /** {@code 20} for {@code :20:…}, {@code 60F} for {@code :60F:…}; null when the line starts no field. */
    static @Nullable String tagOf(String text) {
        if (text.length() < 4 || text.charAt(0) != ':' || !isDigit(text.charAt(1)) || !isDigit(text.charAt(2))) {
            return null;
        }
        if (text.charAt(3) == ':') {
            return text.substring(1, 3);
        }
        if (text.length() >= 5 && text.charAt(3) >= 'A' && text.charAt(3) <= 'Z' && text.charAt(4) == ':') {
            return text.substring(1, 4);
        }
        return null;
    }

    /**
     * Lines some banks write before a bare message: ABN AMRO's {@code ABNANL2A} / {@code 940} / {@code ABNANL2A}
     * (a BIC and the message type), Rabobank's older {@code :940:}.
     */
    private static boolean isBankHeaderLine(String text) {
        return text.equals("940") || text.equals(":940:") || text.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String echo(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public void close() {
        lines.close();
    }

    private static final class FieldBuilder {

        private final String tag;
        private final int line;
        private final List<String> lines = new ArrayList<>(4);
        private int chars;

        FieldBuilder(String tag, String first, int line) {
            this.tag = tag;
            this.line = line;
            lines.add(first);
            chars = first.length();
        }

        void add(String text, int number) {
            chars += text.length();
            if (chars > MAX_FIELD_CHARS) {
                throw new Mt940Problem(
                        number,
                        "field :" + tag + ": of line " + line + " is longer than " + MAX_FIELD_CHARS + " characters");
            }
            lines.add(text);
        }

        Field build() {
            return new Field(tag, List.copyOf(lines), line);
        }
    }
}
