package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.CreditorReference;
import io.crowdrecon.recon.shared.OrderId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the orderId a payer wrote in a credit's remittance information (SPEC section 5, rule 4).
 *
 * <p>A structured reference counts when it is an ISO 11649 creditor reference wrapping an orderId ({@code RF} + two
 * check digits + {@code TRX} + 16 digits; case and spaces ignored). Any other structured value is ignored and the
 * description is searched for candidates: {@code TRX} in any case, optionally one separator (space, {@code .},
 * {@code -} or {@code /}), then 16 ASCII digits with at most one separator between two digits; the {@code TRX} must
 * not follow a letter or digit, and the 16th digit must not be followed by a digit.
 *
 * <p>Runs in time linear in the length of its inputs, whatever they hold: a hand-written scanner, no regular
 * expression.
 */
public final class ReferenceExtractor {

    private static final String PREFIX = OrderId.PREFIX;
    private static final int DIGITS = 16;

    private ReferenceExtractor() {}

    /**
     * The reference carried by a credit.
     *
     * @param structuredReference the bank's structured remittance information; null or blank when absent
     * @param description the free-text remittance information; null or blank when absent
     * @return {@link ExtractedReference.Found}, {@link ExtractedReference.Missing},
     *     {@link ExtractedReference.Ambiguous} or {@link ExtractedReference.Invalid}; never null
     */
    public static ExtractedReference extract(@Nullable String structuredReference, @Nullable String description) {
        return fromStructured(structuredReference).orElseGet(() -> fromDescription(description));
    }

    private static Optional<ExtractedReference> fromStructured(@Nullable String structuredReference) {
        Optional<String> payload = CreditorReference.payload(structuredReference);
        if (payload.isEmpty() || !isOrderIdShaped(payload.get())) {
            return Optional.empty();
        }
        String candidate = payload.get();
        if (!CreditorReference.hasValidCheckDigits(structuredReference) || !OrderId.isValid(candidate)) {
            return Optional.of(new ExtractedReference.Invalid(candidate));
        }
        return Optional.of(new ExtractedReference.Found(OrderId.of(candidate)));
    }

    private static boolean isOrderIdShaped(String payload) {
        if (payload.length() != PREFIX.length() + DIGITS || !payload.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < payload.length(); i++) {
            if (!isAsciiDigit(payload.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static ExtractedReference fromDescription(@Nullable String description) {
        Set<String> candidates = candidatesIn(description == null ? "" : description);
        if (candidates.isEmpty()) {
            return new ExtractedReference.Missing();
        }
        if (candidates.size() > 1) {
            return new ExtractedReference.Ambiguous(candidates);
        }
        String candidate = candidates.iterator().next();
        return OrderId.isValid(candidate)
                ? new ExtractedReference.Found(OrderId.of(candidate))
                : new ExtractedReference.Invalid(candidate);
    }

    /** The distinct candidates of {@code text}, normalised to {@code TRX} + 16 digits, in order of appearance. */
    private static Set<String> candidatesIn(String text) {
        Set<String> candidates = new LinkedHashSet<>();
        for (int start = 0; start + PREFIX.length() <= text.length(); start++) {
            if (isPrefixAt(text, start) && !followsLetterOrDigit(text, start)) {
                String digits = digitsAfterPrefix(text, start + PREFIX.length());
                if (digits != null) {
                    candidates.add(PREFIX + digits);
                }
            }
        }
        return candidates;
    }

    /** Whether {@code TRX}, each letter ASCII in either case, starts at {@code index}. */
    private static boolean isPrefixAt(String text, int index) {
        for (int i = 0; i < PREFIX.length(); i++) {
            char c = text.charAt(index + i);
            char upper = PREFIX.charAt(i);
            if (c != upper && c != Character.toLowerCase(upper)) {
                return false;
            }
        }
        return true;
    }

    private static boolean followsLetterOrDigit(String text, int index) {
        return index > 0 && Character.isLetterOrDigit(text.codePointBefore(index));
    }

    /**
     * The 16 digits of a candidate whose {@code TRX} ends just before {@code from}, without separators; null when the
     * text there is not a candidate. Reads at most 33 characters.
     */
    private static @Nullable String digitsAfterPrefix(String text, int from) {
        int position = from;
        if (position < text.length() && isSeparator(text.charAt(position))) {
            position++;
        }
        StringBuilder digits = new StringBuilder(DIGITS);
        while (digits.length() < DIGITS) {
            if (position >= text.length()) {
                return null;
            }
            char c = text.charAt(position);
            if (isAsciiDigit(c)) {
                digits.append(c);
                position++;
            } else if (digits.length() > 0
                    && isSeparator(c)
                    && position + 1 < text.length()
                    && isAsciiDigit(text.charAt(position + 1))) {
                position++;
            } else {
                return null;
            }
        }
        if (position < text.length() && Character.isDigit(text.codePointAt(position))) {
            return null;
        }
        return digits.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '/';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
