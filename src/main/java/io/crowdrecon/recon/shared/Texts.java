package io.crowdrecon.recon.shared;

import java.util.Optional;

/**
 * What no text the service accepts may hold, whatever the field: a NUL character (PostgreSQL refuses it in text, so
 * it would fail the query instead of the request) and an unpaired UTF-16 surrogate (it has no UTF-8 form, so it
 * cannot be stored or echoed faithfully).
 */
public final class Texts {

    private Texts() {}

    /** What is wrong with {@code value}, as a message that completes "field …", or empty when nothing is. */
    public static Optional<String> flaw(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return Optional.of("must not contain a NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain an unpaired surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} holds a C0 control character or DEL, none of which belongs in a parameter or header. */
    public static boolean hasControlCharacters(String value) {
        return value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
