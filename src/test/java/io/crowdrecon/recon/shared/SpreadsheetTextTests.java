package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which text a spreadsheet would run as a formula, and how it is kept as text (OWASP "CSV injection"). */
class SpreadsheetTextTests {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            quoteCharacter = '"',
            textBlock =
                    """
            =1+1                      | '=1+1
            +39 02 1234               | '+39 02 1234
            -2                        | '-2
            @SUM(A1:A9)               | '@SUM(A1:A9)
            Mario Rossi               | Mario Rossi
            Rossi=Mario               | Rossi=Mario
            'quoted                   | 'quoted
            null                      | null
            """)
    void keepsAFormulaAsText(@Nullable String text, @Nullable String written) {
        assertThat(SpreadsheetText.safe(text)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({"'\t=1'", "'\r=1'", "'\n=1'"})
    void keepsAFormulaBehindAControlCharacterAsText(String text) {
        assertThat(SpreadsheetText.safe(text)).isEqualTo("'" + text);
    }

    @org.junit.jupiter.api.Test
    void leavesEmptyTextEmpty() {
        assertThat(SpreadsheetText.safe("")).isEmpty();
    }
}
