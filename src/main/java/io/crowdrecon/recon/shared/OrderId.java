package io.crowdrecon.recon.shared;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The id of an order, the one investors type into a transfer's description: {@code TRX} followed by 16 digits whose
 * last two are ISO 7064 MOD 97-10 check digits over the first 14, so that the 16-digit number modulo 97 is 1. Every
 * single-digit substitution and every adjacent transposition of two different digits is detected.
 *
 * <p>An instance always holds a valid id: the constructor throws {@link IllegalArgumentException} otherwise.
 *
 * @param value the id, for example {@code TRX1234567890123428}
 */
public record OrderId(String value) {

    /** The literal prefix of every order id, upper case. */
    public static final String PREFIX = "TRX";

    private static final int DIGITS = 16;
    private static final int RANDOM_DIGITS = DIGITS - 2;
    private static final int MAX_ECHOED_CHARS = 40;

    public OrderId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid orderId: " + echo(value));
        }
    }

    /** A new id of 14 digits drawn from {@code random} followed by their two check digits. */
    public static OrderId generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < RANDOM_DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        digits.append(Mod97.checkDigitsAppendedTo(digits));
        return new OrderId(PREFIX + digits);
    }

    /** Whether {@code candidate} is exactly {@code TRX} (upper case) and 16 digits with valid check digits. */
    public static boolean isValid(@Nullable String candidate) {
        return candidate != null
                && candidate.length() == PREFIX.length() + DIGITS
                && candidate.startsWith(PREFIX)
                && hasValidCheckDigits(candidate.substring(PREFIX.length()));
    }

    /**
     * The id named by {@code candidate}.
     *
     * @throws IllegalArgumentException if {@code candidate} is not a valid order id
     */
    public static OrderId of(String candidate) {
        return new OrderId(candidate);
    }

    /** Whether {@code sixteenDigits} is exactly 16 ASCII digits forming a number that is 1 modulo 97. */
    public static boolean hasValidCheckDigits(String sixteenDigits) {
        return Mod97.isAsciiDigits(sixteenDigits, DIGITS) && Mod97.remainder(sixteenDigits) == 1;
    }

    /** The ISO 11649 creditor reference of this order: {@code RF}, two check digits, then this id. */
    public String paymentReference() {
        return CreditorReference.of(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String echo(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= MAX_ECHOED_CHARS
                ? "'" + value + "'"
                : "'" + value.substring(0, MAX_ECHOED_CHARS) + "…' (" + value.length() + " chars)";
    }
}
