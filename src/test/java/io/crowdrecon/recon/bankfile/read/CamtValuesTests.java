package io.crowdrecon.recon.bankfile.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CamtValuesTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1100.00, 1100.00", "0, 0", "0.00, 0.00", "+5.5, 5.5", ".5, 0.5", "7., 7", "000123.40, 123.40"})
    void readsAnAmountExactlyAsWritten(String text, String amount) {
        BigDecimal read = CamtValues.amount(text);

        assertThat(read).isEqualTo(new BigDecimal(amount));
        assertThat(read.scale()).isEqualTo(new BigDecimal(amount).scale());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12,50", "1E3", "1e-2", "1 000.00", "0x10", "abc", "1.2.3", "", "NaN", "Infinity", "١٢"})
    void refusesAnAmountThatIsNoDecimal(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CamtValues.amount(text))
                .withMessage("'" + text + "' is not a decimal");
    }

    @Test
    void refusesANegativeAmount() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CamtValues.amount("-0.01"))
                .withMessageStartingWith("'-0.01' is negative");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "EUR, ",
        "JPY, ",
        "KWD, ",
        "CHF, ",
        "EU, is not a currency code (three upper-case letters)",
        "eur, is not a currency code (three upper-case letters)",
        "EURO, is not a currency code (three upper-case letters)",
        "E1R, is not a currency code (three upper-case letters)",
        "XYZ, is not an ISO 4217 currency",
        "QQQ, is not an ISO 4217 currency"
    })
    void acceptsOnlyIso4217CurrencyCodes(String code, String problem) {
        if (problem == null) {
            assertThat(CamtValues.currency(code)).isEqualTo(code);
        } else {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CamtValues.currency(code))
                    .withMessage("'" + code + "' " + problem);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "10.00, EUR, true",
        "10.005, EUR, false",
        "10.0050, EUR, false",
        "10.0100, EUR, true",
        "100, JPY, true",
        "100.0, JPY, true",
        "100.5, JPY, false",
        "1.005, KWD, true",
        "1.0005, KWD, false"
    })
    void acceptsNoMoreDecimalsThanTheCurrencyHas(String amount, String currency, boolean accepted) {
        if (accepted) {
            CamtValues.withinMinorDigits(new BigDecimal(amount), currency);
        } else {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CamtValues.withinMinorDigits(new BigDecimal(amount), currency))
                    .withMessageContaining("has more decimals than the");
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2026-03-31, 2026-03-31",
        "2026-03-31Z, 2026-03-31",
        "2026-03-31+02:00, 2026-03-31",
        "2024-02-29, 2024-02-29"
    })
    void readsADate(String text, String date) {
        assertThat(CamtValues.date(text)).isEqualTo(LocalDate.parse(date));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-02-30", "2025-02-29", "31.03.2026", "2026-3-31", "20260331", "2026-03-31T10:00:00"})
    void refusesWhatIsNoDate(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CamtValues.date(text))
                .withMessage("'" + text + "' is not a date (YYYY-MM-DD)");
    }

    @ParameterizedTest(name = "{0}")
    @NullSource
    void refusesAnEmptyDate(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CamtValues.date(text))
                .withMessage("(empty) is not a date (YYYY-MM-DD)");
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
        "2026-03-31T23:30:00-05:00, 2026-03-31, 2026-04-01T04:30:00Z",
        "2026-04-01T00:30:00+02:00, 2026-04-01, 2026-03-31T22:30:00Z",
        "2026-03-31T10:00:00Z, 2026-03-31, 2026-03-31T10:00:00Z",
        "2026-03-31T10:00:00.123456, 2026-03-31, 2026-03-31T10:00:00.123456Z",
        "2026-03-31T10:00:00, 2026-03-31, 2026-03-31T10:00:00Z"
    })
    void readsTheDateOfADateTimeAsWrittenAndItsInstantByItsOffset(String text, String date, String instant) {
        assertThat(CamtValues.dateOfDateTime(text)).isEqualTo(LocalDate.parse(date));
        assertThat(CamtValues.instant(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-31", "2026-03-31 10:00:00", "2026-03-31T25:00:00", "yesterday"})
    void refusesWhatIsNoDateTime(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CamtValues.instant(text))
                .withMessage("'" + text + "' is not a date and time (YYYY-MM-DDThh:mm:ss)");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"true, true", "1, true", "false, false", "0, false"})
    void readsABoolean(String text, boolean value) {
        assertThat(CamtValues.bool(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TRUE", "yes", "Y", " true", ""})
    void refusesWhatIsNoBoolean(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CamtValues.bool(text));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"0, 0", "42, 42", "000042, 42", "42.0, 42", "999999999999999999, 999999999999999999"})
    void readsAWholeNumber(String text, long value) {
        assertThat(CamtValues.whole(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-1", "1.5", "1E2", "one", "", "99999999999999999999"})
    void refusesWhatIsNoWholeNumberOfZeroOrMore(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CamtValues.whole(text))
                .withMessageEndingWith("is not a whole number of 0 or more");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1, 1", "00002, 2", "2147483647, 2147483647"})
    void readsAPageNumber(String text, int page) {
        assertThat(CamtValues.pageNumber(text)).isEqualTo(page);
    }

    @Test
    void refusesAPageNumberBeyondAnInt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CamtValues.pageNumber("2147483648"))
                .withMessage("'2147483648' is not a page number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "camt.052.001.02, BkToCstmrAcctRpt, CAMT_052, 001.02",
        "camt.052.001.08, BkToCstmrAcctRpt, CAMT_052, 001.08",
        "camt.053.001.02, BkToCstmrStmt, CAMT_053, 001.02",
        "camt.053.001.05, BkToCstmrStmt, CAMT_053, 001.05",
        "camt.053.001.08, BkToCstmrStmt, CAMT_053, 001.08",
        "camt.054.001.04, BkToCstmrDbtCdtNtfctn, CAMT_054, 001.04"
    })
    void knowsTheMessageAndVersionByTheNamespace(String name, String element, BankFileFormat format, String version) {
        CamtMessage message = CamtMessage.of(CamtMessage.NAMESPACE_PREFIX + name, element);

        assertThat(message).isEqualTo(new CamtMessage(format, version));
        assertThat(message.name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "urn:iso:std:iso:20022:tech:xsd:camt.053.001.01|BkToCstmrStmt|camt.053.001.01 is a version crowdrecon does not read",
                "urn:iso:std:iso:20022:tech:xsd:camt.053.001.09|BkToCstmrStmt|camt.053.001.09 is a version crowdrecon does not read",
                "urn:iso:std:iso:20022:tech:xsd:camt.053.001.13|BkToCstmrStmt|camt.053.001.13 is a version crowdrecon does not read",
                "urn:iso:std:iso:20022:tech:xsd:camt.053.002.02|BkToCstmrStmt|camt.053.002.02 is a version crowdrecon does not read",
                "urn:iso:std:iso:20022:tech:xsd:camt.060.001.05|AcctRptgReq|camt.060.001.05 is not a bank-to-customer statement",
                "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10|CstmrPmtStsRpt|pain.002.001.10 is not a bank-to-customer statement",
                "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08|BkToCstmrStmt|a camt.054 document holds BkToCstmrDbtCdtNtfctn, not BkToCstmrStmt",
                "http://www.six-interbank-clearing.com/de/camt.053.001.04.ch.02.xsd|BkToCstmrStmt|element BkToCstmrStmt is in namespace 'http://www.six-interbank-clearing.com/de/camt.053.001.04.ch.02.xsd'",
                "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08.extra|BkToCstmrStmt|not an ISO 20022 camt message",
                "|BkToCstmrStmt|element BkToCstmrStmt has no namespace"
            })
    void refusesAnyOtherMessageOrVersionSayingWhich(String namespace, String element, String problem) {
        assertThatThrownBy(() -> CamtMessage.of(namespace == null ? "" : namespace, element))
                .isInstanceOf(UnreadableBankFileException.class)
                .hasMessageContaining(problem);
    }
}
