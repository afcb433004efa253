package io.crowdrecon.recon.export;

import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.SpreadsheetText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Export lines as RFC 4180 says (commons-csv's {@link CSVFormat#RFC4180}: CRLF after every record, a field quoted
 * only when it holds a comma, a quote or a line break, a quote doubled inside it), in UTF-8. A cell is written as:
 * null as an empty field; {@link Money} as its amount with the currency's minor digits ({@code 1100.00}); a bare
 * {@link BigDecimal} exactly as stored, never in exponent form; an {@link java.time.Instant} in ISO 8601 UTC (its own text) ({@code
 * 2026-12-01T09:30:00Z}); text as {@link SpreadsheetText#safe} makes it safe to open in a spreadsheet; anything else as
 * its text.
 */
public final class ExportCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private ExportCsv() {}

    /** The header row of {@code kind}. */
    public static byte[] header(ExportKind kind) {
        return lines(List.of(new ArrayList<@Nullable Object>(kind.columns())));
    }

    /** The rows as consecutive lines, each ending with CRLF. */
    public static byte[] rows(List<ExportRow> rows) {
        return lines(rows.stream().map(ExportRow::cells).toList());
    }

    /** One record as its line, CRLF included (for the tests' tables). */
    public static String line(List<@Nullable Object> cells) {
        return new String(lines(List.of(cells)), StandardCharsets.UTF_8);
    }

    private static byte[] lines(List<? extends List<@Nullable Object>> records) {
        StringBuilder text = new StringBuilder(records.size() * 160);
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            for (List<@Nullable Object> cells : records) {
                for (@Nullable Object cell : cells) {
                    printer.print(text(cell));
                }
                printer.println();
            }
        } catch (IOException e) {
            // A StringBuilder does not fail: this is unreachable.
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static @Nullable String text(@Nullable Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Money money) {
            return money.amount().toPlainString();
        }
        if (cell instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (cell instanceof String text) {
            return SpreadsheetText.safe(text);
        }
        return cell.toString();
    }
}
