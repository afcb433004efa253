package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTests {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
        "1100, EUR, 1100.00",
        "1100.000, EUR, 1100.00",
        "810.68, EUR, 810.68",
        "0.5, EUR, 0.50",
        "1E+3, EUR, 1000.00",
        "0, EUR, 0.00",
        "-12.3, EUR, -12.30",
        "150000, JPY, 150000",
        "1000.00, JPY, 1000",
        "1.5, KWD, 1.500",
        "1.234, KWD, 1.234",
        "999999999.99, EUR, 999999999.99"
    })
    void writesItsAmountWithTheCurrencysMinorDigits(String amount, String currency, String written) {
        Money money = Money.of(new BigDecimal(amount), currency);

        assertThat(money.amount().toPlainString()).isEqualTo(written);
        assertThat(money.currency()).isEqualTo(currency);
        assertThat(money).hasToString(written + " " + currency);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({"1100.001, EUR", "0.005, EUR", "10.5, JPY", "1.2345, KWD", "-0.001, EUR"})
    void refusesAnAmountWithMoreDecimalsThanItsCurrencyHas(String amount, String currency) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of(new BigDecimal(amount), currency))
                .withMessageContaining(currency)
                .withMessageContaining("decimals");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"eur", "EURO", "EU", "QQQ", " EUR"})
    void refusesWhatIsNoIso4217Code(String currency) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of(BigDecimal.ONE, currency))
                .withMessageContaining("ISO 4217");
    }

    @ParameterizedTest(name = "{0} {1} is money: {2}")
    @CsvSource({
        "1100, EUR, true",
        "1.5, KWD, true",
        "1100.001, EUR, false",
        "10.5, JPY, false",
        "1100, eur, false",
        "1100, QQQ, false",
        ", EUR, false",
        "1100, , false"
    })
    void triesWhatABankReportedWithoutThrowing(String amount, String currency, boolean money) {
        BigDecimal value = amount == null ? null : new BigDecimal(amount);

        assertThat(Money.tryOf(value, currency))
                .isEqualTo(money ? Optional.of(Money.of(value, currency)) : Optional.empty());
    }

    @Test
    void refusesAMissingAmount() {
        assertThatNullPointerException().isThrownBy(() -> Money.of(null, "EUR"));
    }

    @ParameterizedTest(name = "{0} {2} equals {1} {2}: {3}")
    @CsvSource({
        "1100, 1100.00, EUR, true",
        "1100.0, 1100.000, EUR, true",
        "1E+3, 1000, JPY, true",
        "1.5, 1.500, KWD, true",
        "1100, 1100.01, EUR, false"
    })
    void equalsMeansTheSameValue(String one, String other, String currency, boolean equal) {
        Money a = Money.of(new BigDecimal(one), currency);
        Money b = Money.of(new BigDecimal(other), currency);

        assertThat(a.equals(b)).isEqualTo(equal);
        assertThat(a.compareTo(b) == 0).isEqualTo(equal);
        if (equal) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
    }

    @Test
    void theSameValueInAnotherCurrencyIsOtherMoney() {
        assertThat(eur("1100")).isNotEqualTo(Money.of(new BigDecimal("1100"), "CHF"));
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
        "1000.00, +, 100, 1100.00",
        "810.68, +, 0.32, 811.00",
        "1100, -, 100.00, 1000.00",
        "100, -, 100.01, -0.01",
        "999999999.99, +, 0.01, 1000000000.00",
        "0, -, 999999999.99, -999999999.99"
    })
    void addsAndSubtractsExactly(String left, String operator, String right, String result) {
        Money a = eur(left);
        Money b = eur(right);

        Money computed = operator.equals("+") ? a.plus(b) : a.minus(b);

        assertThat(computed).isEqualTo(eur(result));
        assertThat(computed.amount().toPlainString()).isEqualTo(result);
    }

    @Test
    void keepsTheMinorDigitsOfItsCurrencyThroughArithmetic() {
        Money yen = Money.of(new BigDecimal("1000"), "JPY");
        Money dinars = Money.of(new BigDecimal("1.5"), "KWD");

        assertThat(yen.plus(yen).amount().toPlainString()).isEqualTo("2000");
        assertThat(dinars.minus(Money.of(new BigDecimal("0.001"), "KWD"))
                        .amount()
                        .toPlainString())
                .isEqualTo("1.499");
        assertThat(dinars.negate().amount().toPlainString()).isEqualTo("-1.500");
    }

    @Test
    void isNotCappedAtTheInputMaximum() {
        // Amounts.MAX bounds what the service accepts; a sum of accepted amounts may pass it.
        Money max = eur(Amounts.MAX.toPlainString());

        assertThat(max.plus(max)).isEqualTo(eur("1999999999.98"));
        assertThat(max.plus(eur("0.01")).isGreaterThan(max)).isTrue();
    }

    @ParameterizedTest(name = "{0}: zero {1}, positive {2}, negative {3}")
    @CsvSource({
        "0, true, false, false",
        "0.00, true, false, false",
        "0.01, false, true, false",
        "-0.01, false, false, true"
    })
    void tellsItsSign(String amount, boolean zero, boolean positive, boolean negative) {
        Money money = eur(amount);

        assertThat(money.isZero()).isEqualTo(zero);
        assertThat(money.isPositive()).isEqualTo(positive);
        assertThat(money.isNegative()).isEqualTo(negative);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({"1100.00, 1100, 0", "1100.01, 1100, 1", "1099.99, 1100, -1", "-5, 0, -1"})
    void comparesByValue(String left, String right, int expected) {
        Money a = eur(left);
        Money b = eur(right);

        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
        assertThat(a.isGreaterThan(b)).isEqualTo(expected > 0);
        assertThat(a.isLessThan(b)).isEqualTo(expected < 0);
    }

    @Test
    void writesZeroWithItsCurrencysDigits() {
        assertThat(Money.zero("EUR").amount().toPlainString()).isEqualTo("0.00");
        assertThat(Money.zero("JPY").amount().toPlainString()).isEqualTo("0");
        assertThat(Money.zero("KWD").amount().toPlainString()).isEqualTo("0.000");
    }

    @Test
    void sumsAStreamAndGivesZeroForNothing() {
        assertThat(Stream.of(eur("1100"), eur("0.5"), eur("-100.25")).collect(Money.sum("EUR")))
                .isEqualTo(eur("1000.25"));
        assertThat(Stream.<Money>empty().collect(Money.sum("KWD"))).isEqualTo(Money.zero("KWD"));
    }

    @Test
    void refusesToMixCurrencies() {
        Money euros = eur("10");
        Money dollars = Money.of(BigDecimal.TEN, "USD");

        List<Consumer<Money>> operations = List.of(
                euros::plus, euros::minus, euros::compareTo, euros::isGreaterThan, euros::isLessThan, m -> Stream.of(
                                euros, m)
                        .collect(Money.sum("EUR")));
        for (Consumer<Money> operation : operations) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> operation.accept(dollars))
                    .withMessageContaining("10.00 USD")
                    .withMessageContaining("10.00 EUR")
                    .withMessageContaining("two currencies");
        }
    }

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }
}
