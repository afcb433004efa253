package io.crowdrecon.recon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.crowdrecon.recon.matching.ExtractedReference.Ambiguous;
import io.crowdrecon.recon.matching.ExtractedReference.Found;
import io.crowdrecon.recon.matching.ExtractedReference.Invalid;
import io.crowdrecon.recon.matching.ExtractedReference.Missing;
import io.crowdrecon.recon.shared.OrderId;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceExtractorTests {

    private static final String A = "TRX1234567890123428";
    private static final String B = "TRX9876543210987606";
    private static final String BAD = "TRX1234567890123429";

    private static final String SEPA_LINE =
            "SEPA CT /ROC/ Sottoscrizione quote campagna Rossi Srl - ordine trx 1234 5678"
                    + " 9012 3428 - Mario Rossi - Via Roma 1 Milano IT rif. 2024/11/05.";

    static Stream<Arguments> descriptions() {
        return Stream.of(
                row("a plain id", "Investment TRX1234567890123428", found(A)),
                row("the id alone", A, found(A)),
                row("a lower-case prefix", "trx1234567890123428", found(A)),
                row("a mixed-case prefix", "tRx1234567890123428", found(A)),
                row("a space after the prefix", "TRX 1234567890123428", found(A)),
                row("a dot after the prefix", "TRX.1234567890123428", found(A)),
                row("a dash after the prefix", "TRX-1234567890123428", found(A)),
                row("a slash after the prefix", "TRX/1234567890123428", found(A)),
                row("two separators after the prefix", "TRX  1234567890123428", missing()),
                row("mixed separators after the prefix", "TRX-/1234567890123428", missing()),
                row("a colon after the prefix", "TRX:1234567890123428", missing()),
                row("spaces in groups of four", "TRX 1234 5678 9012 3428", found(A)),
                row("dashes between digits", "TRX1234-5678-9012-3428", found(A)),
                row("a dot between every two digits", "TRX1.2.3.4.5.6.7.8.9.0.1.2.3.4.2.8", found(A)),
                row("slashes between digits", "TRX 1234/5678/9012/3428", found(A)),
                row("one of each separator", "TRX-1234 5678.9012/3428", found(A)),
                row("two consecutive separators between digits", "TRX1234  5678 9012 3428", missing()),
                row("a dash and a space between digits", "TRX1234- 5678 9012 3428", missing()),
                row("underscores between digits", "TRX1234_5678_9012_3428", missing()),
                row("fewer than 16 digits", "TRX123456789012342 EUR", missing()),
                row("the prefix glued to a letter", "REFTRX1234567890123428", missing()),
                row("the prefix glued to a digit", "1TRX1234567890123428", missing()),
                row("the prefix glued to an accented letter", "éTRX1234567890123428", missing()),
                row("the prefix after punctuation", "ref:TRX1234567890123428", found(A)),
                row("the id in parentheses", "(TRX1234567890123428)", found(A)),
                row("a 17th digit", "TRX12345678901234280", missing()),
                row("a 17th digit after separators", "TRX 1234 5678 9012 34280", missing()),
                row("a letter right after the id", "TRX1234567890123428EUR", found(A)),
                row("an amount after the id", "TRX1234567890123428 1100.00", found(A)),
                row("a separator then a digit after the id", "TRX1234567890123428-1", found(A)),
                row("the same id twice", "TRX1234567890123428 TRX1234567890123428", found(A)),
                row("the same id plain and with separators", "TRX1234567890123428 / trx 1234 5678 9012 3428", found(A)),
                row("two different ids", "TRX1234567890123428 and TRX9876543210987606", ambiguous(A, B)),
                row("a valid and an invalid id", "trx 1234 5678 9012 3429, TRX1234567890123428", ambiguous(BAD, A)),
                row("bad check digits", "TRX1234567890123429", invalid(BAD)),
                row("bad check digits with separators", "trx 1234 5678 9012 3429", invalid(BAD)),
                row("the same bad id twice", "TRX1234567890123429 TRX1234567890123429", invalid(BAD)),
                row("the id glued after another id", "TRX1234567890123428TRX9876543210987606", found(A)),
                row("a realistic SEPA remittance line", SEPA_LINE, found(A)),
                row("no id", "Sottoscrizione campagna Rossi", missing()),
                row("no description", null, missing()),
                row("an empty description", "", missing()),
                row("a blank description", "   ", missing()),
                row("a prefix at the very end", "pay TRX", missing()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptions")
    void findsTheOrderIdInTheDescription(String behaviour, String description, ExtractedReference expected) {
        assertThat(ReferenceExtractor.extract(null, description)).isEqualTo(expected);
        assertThat(ReferenceExtractor.extract("  ", description)).isEqualTo(expected);
    }

    static Stream<Arguments> structuredReferences() {
        return Stream.of(
                row("a valid RF reference wins over the description", "RF11TRX1234567890123428", B, found(A)),
                row("an RF reference in lower case with spaces", "rf11 trx1 2345 6789 0123 428", null, found(A)),
                row("an RF reference with bad check digits", "RF12TRX1234567890123428", A, invalid(A)),
                row("an RF reference with letters for check digits", "RFXXTRX1234567890123428", A, invalid(A)),
                row("a valid RF reference wrapping a bad id", "RF81TRX1234567890123429", A, invalid(BAD)),
                row("an RF reference that wraps no order id", "RF18539007547034", A, found(A)),
                row("an RF reference wrapping 17 digits", "RF00TRX12345678901234280", A, found(A)),
                row("a bare id as structured reference", A, null, missing()),
                row("any other structured value", "INV-2024-001", "TRX9876543210987606", found(B)),
                row("a blank structured value", "   ", A, found(A)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structuredReferences")
    void readsAnRfStructuredReferenceWrappingAnOrderIdAndIgnoresAnyOther(
            String behaviour, String structured, String description, ExtractedReference expected) {
        assertThat(ReferenceExtractor.extract(structured, description)).isEqualTo(expected);
    }

    @Test
    void readsARealisticSepaLineOf140Characters() {
        assertThat(SEPA_LINE).hasSize(140);
    }

    static Stream<Arguments> hostileDescriptions() {
        return Stream.of(
                row("TRX1 1 1 1…", "TRX" + "1 ".repeat(2_046), invalid("TRX1111111111111111")),
                row("TRX repeated", "TRX".repeat(1_365), missing()),
                row("trx and a separator repeated", "trx-".repeat(1_024), missing()),
                row("TRX and 15 digits repeated", "TRX 123456789012345 ".repeat(204), missing()),
                row("TRX1 1 1 1… with double spaces", "TRX" + "1  ".repeat(1_365), missing()),
                row("ids glued together", A.repeat(215), found(A)),
                row("digits and dots", "TRX" + "1.".repeat(2_046), invalid("TRX1111111111111111")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDescriptions")
    void scansFourKibibytesOfHostileTextInLinearTime(
            String behaviour, String description, ExtractedReference expected) {
        assertThat(description.length()).isBetween(4_000, 4_100);

        ExtractedReference extracted = assertTimeout(Duration.ofSeconds(2), () -> {
            ExtractedReference last = null;
            for (int i = 0; i < 200; i++) {
                last = ReferenceExtractor.extract(null, description);
            }
            return last;
        });

        assertThat(extracted).isEqualTo(expected);
    }

    private static Arguments row(Object... values) {
        return Arguments.of(values);
    }

    private static ExtractedReference found(String id) {
        return new Found(OrderId.of(id));
    }

    private static ExtractedReference missing() {
        return new Missing();
    }

    private static ExtractedReference ambiguous(String... ids) {
        return new Ambiguous(Set.of(ids));
    }

    private static ExtractedReference invalid(String candidate) {
        return new Invalid(candidate);
    }
}
