package io.crowdrecon.recon.shared;

/** ISO 7064 MOD 97-10 arithmetic over alphanumeric strings (digits as themselves, letters A=10 … Z=35). */
final class Mod97 {

    private Mod97() {}

    /**
     * The remainder modulo 97 of the number spelled by {@code text}, each letter replaced by its two-digit value.
     *
     * @throws IllegalArgumentException if {@code text} holds anything but ASCII digits and upper-case letters
     */
    static int remainder(CharSequence text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                throw new IllegalArgumentException("not an alphanumeric character at index " + i);
            }
        }
        return remainder;
    }

    /** The two check digits that make {@code body + checkDigits} leave remainder 1 (for example {@code "07"}). */
    static String checkDigitsAppendedTo(CharSequence body) {
        int remainder = remainder(body.toString() + "00");
        return twoDigits(98 - remainder);
    }

    static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    static boolean isAsciiDigits(CharSequence text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
