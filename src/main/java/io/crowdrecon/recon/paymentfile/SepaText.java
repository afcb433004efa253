package io.crowdrecon.recon.paymentfile;

import java.text.Normalizer;
import java.util.Map;

/**
 * The SEPA character set and how other text is brought into it.
 *
 * <p>The EPC's SEPA Credit Transfer implementation guidelines (EPC132-08, "Character set") make banks accept, in
 * free-text fields, only the basic Latin set: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space. Anything else may be
 * refused by the debtor's bank or garbled on the way, so a file never carries it: {@link #toSepa(String, int)}
 * transliterates first, then cuts to the field's length.
 *
 * <p>Transliteration, in order: a table for Latin letters that are not a base letter plus marks ({@code ß → ss},
 * {@code Æ → AE}, {@code Ø → O}, {@code Ł → L}, {@code Þ → TH}) and for punctuation that has a SEPA look-alike
 * (typographic quotes and apostrophes → {@code '}, dashes and {@code _} → {@code -}, {@code &} → {@code +}); then
 * Unicode canonical decomposition with the combining marks dropped ({@code Müller → Muller}, {@code Núñez →
 * Nunez}); then every character still outside the set becomes {@code .}. Control characters and every kind of
 * white space become one space.
 *
 * <p>Why {@code .} and not dropping (our decision; the EPC's guidance on extended character sets, EPC217-08, leaves
 * the conversion of other characters to the communities that use them): a placeholder keeps the text's shape, so a
 * reader sees that something stood there and where, and a name written only in Greek or Cyrillic script stays
 * non-empty, which the schema's {@code Nm} (1 to 70 characters) requires, instead of vanishing. Greek and Cyrillic
 * have official Latin transliterations (ELOT 743, ISO 9); they are not applied here yet: such a name becomes dots,
 * so an operator should see it before it is paid.
 */
public final class SepaText {

    /** The longest unstructured remittance ({@code Ustrd}), in characters. */
    public static final int REMITTANCE_MAX = 140;

    /** The longest party name ({@code Nm}) the EPC guidelines allow, in characters. */
    public static final int NAME_MAX = 70;

    /** The longest identifier ({@code MsgId}, {@code PmtInfId}, {@code EndToEndId}), in characters. */
    public static final int IDENTIFIER_MAX = 35;

    private static final String PUNCTUATION = "/-?:().,'+ ";

    private static final char PLACEHOLDER = '.';

    // Letters NFD does not decompose into a base letter and marks, and punctuation with a SEPA look-alike.
    private static final Map<Character, String> TABLE = Map.ofEntries(
            Map.entry('ß', "ss"),
            Map.entry('ẞ', "SS"),
            Map.entry('Æ', "AE"),
            Map.entry('æ', "ae"),
            Map.entry('Œ', "OE"),
            Map.entry('œ', "oe"),
            Map.entry('Ø', "O"),
            Map.entry('ø', "o"),
            Map.entry('Đ', "D"),
            Map.entry('đ', "d"),
            Map.entry('Ð', "D"),
            Map.entry('ð', "d"),
            Map.entry('Þ', "TH"),
            Map.entry('þ', "th"),
            Map.entry('Ł', "L"),
            Map.entry('ł', "l"),
            Map.entry('Ħ', "H"),
            Map.entry('ħ', "h"),
            Map.entry('ı', "i"),
            Map.entry('ĸ', "k"),
            Map.entry('Ŀ', "L"),
            Map.entry('ŀ', "l"),
            Map.entry('Ŧ', "T"),
            Map.entry('ŧ', "t"),
            Map.entry('&', "+"),
            Map.entry('’', "'"),
            Map.entry('‘', "'"),
            Map.entry('‚', "'"),
            Map.entry('`', "'"),
            Map.entry('´', "'"),
            Map.entry('"', "'"),
            Map.entry('“', "'"),
            Map.entry('”', "'"),
            Map.entry('„', "'"),
            Map.entry('«', "'"),
            Map.entry('»', "'"),
            Map.entry('–', "-"),
            Map.entry('—', "-"),
            Map.entry('‐', "-"),
            Map.entry('‑', "-"),
            Map.entry('_', "-"));

    private SepaText() {}

    /** Whether {@code c} is in the SEPA character set: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} or space. */
    public static boolean isSepaCharacter(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || PUNCTUATION.indexOf(c) >= 0;
    }

    /** Whether every character of {@code text} is in the SEPA character set; null answers false. */
    public static boolean isSepaText(String text) {
        return text != null && text.codePoints().allMatch(SepaText::isSepaCharacter);
    }

    /**
     * Whether {@code id} can be a SEPA reference ({@code MsgId}, {@code PmtInfId}, {@code EndToEndId}): 1 to 35
     * characters of the SEPA set without space, neither starting nor ending with {@code /}, and no {@code //} (the
     * EPC's rule for references, which banks check).
     */
    public static boolean isIdentifier(String id) {
        return id != null
                && !id.isEmpty()
                && id.length() <= IDENTIFIER_MAX
                && isSepaText(id)
                && id.indexOf(' ') < 0
                && !id.startsWith("/")
                && !id.endsWith("/")
                && !id.contains("//");
    }

    /**
     * {@code text} transliterated into the SEPA character set (see the class comment), with runs of white space made
     * one space, trimmed, and cut to at most {@code maxLength} characters (and trimmed again, so a cut never leaves a
     * trailing space). Empty when {@code text} is null or blank.
     *
     * @throws IllegalArgumentException if {@code maxLength} is less than 1
     */
    public static String toSepa(String text, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        if (text == null) {
            return "";
        }
        String transliterated = transliterate(text);
        String cut = transliterated.length() <= maxLength ? transliterated : transliterated.substring(0, maxLength);
        return cut.strip();
    }

    /** {@code text} in the SEPA character set, white space collapsed and trimmed, not cut. */
    static String transliterate(String text) {
        StringBuilder tabled = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String replacement = c <= Character.MAX_VALUE ? TABLE.get((char) c) : null;
            if (replacement != null) {
                tabled.append(replacement);
            } else {
                tabled.appendCodePoint(c);
            }
        });
        String decomposed = Normalizer.normalize(tabled, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty()) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(isSepaCharacter(c) ? (char) c : PLACEHOLDER);
        }
        return out.toString();
    }
}
