package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTests {

    @ParameterizedTest(name = "{0} uses {1} decimals")
    @CsvSource({"1100, 0", "1100.00, 0", "1E+3, 0", "810.68, 2", "810.680, 2", "0.005, 3", "0, 0", "0.00, 0", "-1.5, 1"
    })
    void judgesPrecisionOnTheStrippedScale(String amount, int decimals) {
        assertThat(Amounts.precision(new BigDecimal(amount))).isEqualTo(decimals);
    }

    @ParameterizedTest(name = "{0} with at most {1} decimals: {2}")
    @CsvSource({
        "0.01, 2, true",
        "1100, 2, true",
        "1100.000, 2, true",
        "999999999.99, 2, true",
        "999999999.990, 2, true",
        "1E+3, 0, true",
        "1.001, 3, true",
        "0, 2, false",
        "0.00, 2, false",
        "-0.01, 2, false",
        "0.001, 2, false",
        "1.5, 0, false",
        "1000000000, 2, false",
        "999999999.991, 3, false"
    })
    void acceptsPositiveAmountsUpToTheMaximumWithTheirPrecision(String amount, int decimals, boolean accepted) {
        assertThat(Amounts.isPositiveWithAtMost(new BigDecimal(amount), decimals))
                .isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} with at most {1} decimals: {2}")
    @CsvSource({
        "0, 2, true",
        "0.00, 2, true",
        "0.01, 2, true",
        "999999999.99, 2, true",
        "-0.01, 2, false",
        "0.001, 2, false",
        "1000000000, 2, false"
    })
    void acceptsNonNegativeAmountsUpToTheMaximumWithTheirPrecision(String amount, int decimals, boolean accepted) {
        assertThat(Amounts.isNonNegativeWithAtMost(new BigDecimal(amount), decimals))
                .isEqualTo(accepted);
    }

    @Test
    void refusesAMissingAmount() {
        assertThat(Amounts.isPositiveWithAtMost(null, 2)).isFalse();
        assertThat(Amounts.isNonNegativeWithAtMost(null, 2)).isFalse();
    }

    @ParameterizedTest(name = "{0} has {1} minor digits")
    @CsvSource({"EUR, 2", "USD, 2", "JPY, 0", "KWD, 3", "BHD, 3", "CHF, 2", "XAU, 0"})
    void knowsTheMinorDigitsOfIso4217Currencies(String code, int digits) {
        assertThat(Amounts.isKnownCurrency(code)).isTrue();
        assertThat(Amounts.minorDigits(code)).isEqualTo(digits);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"eur", "Eur", "EURO", "EU", "QQQ", "E1R", " EUR"})
    void refusesUnknownOrMalformedCurrencyCodes(String code) {
        assertThat(Amounts.isKnownCurrency(code)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Amounts.minorDigits(code));
    }

    @ParameterizedTest(name = "{0} {1} is written {2}")
    @CsvSource({
        "1000, EUR, 1000.00",
        "1000.0, EUR, 1000.00",
        "1100.000, EUR, 1100.00",
        "810.68, EUR, 810.68",
        "0.5, EUR, 0.50",
        "1E+3, EUR, 1000.00",
        "0, EUR, 0.00",
        "1000, JPY, 1000",
        "1000.00, JPY, 1000",
        "1E+3, JPY, 1000",
        "1.5, KWD, 1.500",
        "1.234, KWD, 1.234",
        "7, BHD, 7.000",
        "42, USD, 42.00",
        "999999999.99, EUR, 999999999.99"
    })
    void writesAnAmountWithItsCurrencysMinorDigits(String amount, String currency, String written) {
        BigDecimal normalised = Amounts.inMinorDigits(new BigDecimal(amount), currency);

        assertThat(normalised.toPlainString()).isEqualTo(written);
        assertThat(normalised).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "{0} {1} stays {0}")
    @CsvSource({"1100.001, EUR", "10.5, JPY", "1.2345, KWD", "1000, eur", "1000, EURO", "1000.5, UNKNOWN"})
    void neverRoundsAnAmountItsCurrencyCannotHoldNorTouchesAnUnknownCurrency(String amount, String currency) {
        BigDecimal raw = new BigDecimal(amount);

        assertThat(Amounts.inMinorDigits(raw, currency)).isSameAs(raw);
    }

    @Test
    void leavesAMissingAmountMissingAndWritesZeroInTheCurrencysDigits() {
        assertThat(Amounts.inMinorDigits(null, "EUR")).isNull();
        assertThat(Amounts.zero("EUR").toPlainString()).isEqualTo("0.00");
        assertThat(Amounts.zero("JPY").toPlainString()).isEqualTo("0");
        assertThat(Amounts.zero("KWD").toPlainString()).isEqualTo("0.000");
    }

    @ParameterizedTest(name = "{0} + {1} % of {2} = {3}")
    @CsvSource({
        "0, 2, 1000, 20.00",
        "0, 0, 1000, 0.00",
        "50, 0, 1000, 50.00",
        "10, 0.15, 12345.67, 28.52",
        "0, 0.5, 1, 0.01",
        "0, 0.5, 5, 0.03",
        "0, 0.5, 0.9, 0.00",
        "0, 1, 0.5, 0.01",
        "0, 0.0001, 999999999.99, 1000.00",
        "0, 100, 810.68, 810.68",
        "1.5, 2.5, 0, 1.50"
    })
    void addsTheFixedFeeToTheVariablePercentageRoundedHalfUpToCents(
            String fixed, String percentage, String executed, String expected) {
        BigDecimal fee =
                Amounts.successFee(new BigDecimal(fixed), new BigDecimal(percentage), new BigDecimal(executed));

        assertThat(fee).isEqualByComparingTo(expected);
    }

    @Test
    void roundsExactlyHalfACentUpNotToEven() {
        // 0.5 % of 1 is 0.005 and 0.5 % of 5 is 0.025: half-even would give 0.00 and 0.02
        assertThat(Amounts.successFee(BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.ONE))
                .isEqualByComparingTo("0.01");
        assertThat(Amounts.successFee(BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("5")))
                .isEqualByComparingTo("0.03");
        assertThat(Amounts.successFee(BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("0.99")))
                .isEqualByComparingTo("0.00");
    }

    @Test
    void neverCarriesMoreThanTheCentsOfItsParts() {
        BigDecimal fee =
                Amounts.successFee(new BigDecimal("10.00"), new BigDecimal("0.1234"), new BigDecimal("777777.77"));

        assertThat(Amounts.precision(fee)).isLessThanOrEqualTo(2);
        assertThat(fee).isEqualByComparingTo("969.78");
    }
}
