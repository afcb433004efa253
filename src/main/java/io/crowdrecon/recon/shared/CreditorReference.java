package io.crowdrecon.recon.shared;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * ISO 11649 structured creditor references ({@code RF} + two check digits + up to 21 alphanumeric characters), the
 * {@code paymentReference} of an order for banks that carry structured remittance information.
 *
 * <p>References are compared case-insensitively with spaces ignored, the way banks print them in groups of four.
 */
public final class CreditorReference {

    private static final String PREFIX = "RF";
    private static final int MIN_LENGTH = 5;
    private static final int MAX_LENGTH = 25;
    private static final int MAX_PAYLOAD_LENGTH = MAX_LENGTH - 4;

    private CreditorReference() {}

    /**
     * The creditor reference wrapping {@code reference}: move {@code RF00} to the end, turn letters into numbers
     * (A=10 … Z=35), and take 98 minus the remainder modulo 97 as the check digits.
     *
     * @param reference 1 to 21 letters or digits, in any case, spaces ignored
     * @return {@code RF} + check digits + the reference, upper case, no spaces (for example {@code RF18TRX…})
     * @throws IllegalArgumentException if {@code reference} is empty, too long or not alphanumeric
     */
    public static String of(String reference) {
        if (reference == null) {
            throw new IllegalArgumentException("a creditor reference needs a payload");
        }
        String payload = normalise(reference);
        if (payload.isEmpty() || payload.length() > MAX_PAYLOAD_LENGTH || !isAsciiAlphanumeric(payload)) {
            throw new IllegalArgumentException("a creditor reference payload is 1 to " + MAX_PAYLOAD_LENGTH
                    + " letters or digits, got " + payload.length() + " characters");
        }
        return PREFIX + Mod97.checkDigitsAppendedTo(payload + PREFIX) + payload;
    }

    /**
     * Whether {@code rf} is a creditor reference with valid check digits: case-insensitive, spaces ignored, 5 to 25
     * characters, {@code RF}, two digits, then letters or digits. Null answers false.
     */
    public static boolean hasValidCheckDigits(@Nullable String rf) {
        if (rf == null) {
            return false;
        }
        String normalised = normalise(rf);
        if (normalised.length() < MIN_LENGTH
                || normalised.length() > MAX_LENGTH
                || !normalised.startsWith(PREFIX)
                || !Mod97.isAsciiDigits(normalised.substring(2, 4), 2)
                || !isAsciiAlphanumeric(normalised)) {
            return false;
        }
        return Mod97.remainder(normalised.substring(4) + normalised.substring(0, 4)) == 1;
    }

    /**
     * The payload of {@code rf} (everything after its first four characters, upper case, spaces removed) whatever its
     * check digits; empty when {@code rf} is null, shorter than 5 characters once normalised, or does not start with
     * {@code RF}.
     */
    public static Optional<String> payload(@Nullable String rf) {
        if (rf == null) {
            return Optional.empty();
        }
        String normalised = normalise(rf);
        if (normalised.length() < MIN_LENGTH || !normalised.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(normalised.substring(4));
    }

    private static String normalise(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static boolean isAsciiAlphanumeric(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
