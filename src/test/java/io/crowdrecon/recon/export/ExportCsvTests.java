package io.crowdrecon.recon.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.Money;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a cell is written (RFC 4180 via commons-csv): one row per kind of value and per character needing quotes. */
class ExportCsvTests {

    static Stream<Arguments> cells() {
        return Stream.of(
                row("writes a plain name as is", "Mario Rossi", "Mario Rossi"),
                row("quotes a name with a comma", "Rossi, Mario", "\"Rossi, Mario\""),
                row("doubles a quote inside quotes", "Mario \"Super\" Rossi", "\"Mario \"\"Super\"\" Rossi\""),
                row("quotes a name with a line break", "Mario\nRossi", "\"Mario\nRossi\""),
                row("quotes a name with a carriage return", "Mario\r\nRossi", "\"Mario\r\nRossi\""),
                row("writes UTF-8 letters as they are", "Żółć Müller", "Żółć Müller"),
                row("writes null as an empty field", null, ""),
                row("neutralizes a formula in a name", "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
                row("neutralizes a leading plus", "+39 Rossi", "'+39 Rossi"),
                row("neutralizes a leading minus", "-1+1", "'-1+1"),
                row("neutralizes a leading at", "@SUM(A1)", "'@SUM(A1)"),
                row("neutralizes a leading tab", "\t=1", "'\t=1"),
                row("leaves a formula sign inside a name alone", "Rossi = Mario", "Rossi = Mario"),
                row("never touches a negative amount", new BigDecimal("-10.00"), "-10.00"),
                row("writes euros with two minor digits", Money.of(new BigDecimal("1100"), "EUR"), "1100.00"),
                row("keeps the cents", Money.of(new BigDecimal("810.68"), "EUR"), "810.68"),
                row("writes yen without minor digits", Money.of(new BigDecimal("1500"), "JPY"), "1500"),
                row("writes dinars with three minor digits", Money.of(new BigDecimal("1.5"), "KWD"), "1.500"),
                row("never writes an exponent", new BigDecimal("1E+3"), "1000"),
                row("writes a bare amount exactly as stored", new BigDecimal("12.3400"), "12.3400"),
                row("writes an instant in UTC", Instant.parse("2026-12-01T09:30:00Z"), "2026-12-01T09:30:00Z"),
                row(
                        "keeps an instant's microseconds",
                        Instant.parse("2026-12-01T09:30:00.123456Z"),
                        "2026-12-01T09:30:00.123456Z"));
    }

    private static Arguments row(String behaviour, @Nullable Object cell, String written) {
        return Arguments.of(behaviour, cell, written);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void writesEachCellAsAnAccountantReadsIt(String behaviour, @Nullable Object cell, String written)
            throws IOException {
        String line = ExportCsv.line(Arrays.asList("A", cell, "Z"));

        assertThat(line).isEqualTo("A," + written + ",Z\r\n");
        List<CSVRecord> parsed = CSVFormat.RFC4180.parse(new StringReader(line)).getRecords();
        assertThat(parsed).singleElement().satisfies(r -> {
            assertThat(r.get(0)).isEqualTo("A");
            assertThat(r.get(1)).isEqualTo(ExportCsv.text(cell) == null ? "" : ExportCsv.text(cell));
            assertThat(r.get(2)).isEqualTo("Z");
        });
    }

    @Test
    void writesTheHeaderOfEachKindAsItsColumnsEndingWithCrLf() {
        for (ExportKind kind : ExportKind.values()) {
            String header = new String(ExportCsv.header(kind), StandardCharsets.UTF_8);
            assertThat(header).as(kind.name()).isEqualTo(String.join(",", kind.columns()) + "\r\n");
        }
    }

    @Test
    void writesRowsOneLineEachInTheirOrder() {
        List<ExportRow> rows = List.of(
                new ExportRow(Instant.parse("2026-12-01T00:00:00Z"), "a", List.of("a", "1")),
                new ExportRow(Instant.parse("2026-12-01T00:00:01Z"), "b", Arrays.asList("b", null)));

        assertThat(new String(ExportCsv.rows(rows), StandardCharsets.UTF_8)).isEqualTo("a,1\r\nb,\r\n");
    }

    @Test
    void namesEachKindAsThePathDoesAndNoOther() {
        for (ExportKind kind : ExportKind.values()) {
            assertThat(ExportKind.ofPathName(kind.pathName())).contains(kind);
        }
        assertThat(ExportKind.ofPathName("MONEYINS")).isEmpty();
        assertThat(ExportKind.ofPathName("cashouts")).isEmpty();
    }
}
