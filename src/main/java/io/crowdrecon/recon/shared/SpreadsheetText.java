package io.crowdrecon.recon.shared;

import org.jspecify.annotations.Nullable;

/**
 * Text for a CSV cell that an accountant opens in a spreadsheet. A payer's name or a remittance comes from whoever sent
 * the money; one starting with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or line break before one) would
 * be run as a formula ({@code =HYPERLINK(...)}, OWASP "CSV injection"), so it is written with a leading apostrophe,
 * which spreadsheets read as "this is text" and do not show. Amounts and dates are not text and never pass here.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static @Nullable String safe(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + text;
            default -> text;
        };
    }
}
