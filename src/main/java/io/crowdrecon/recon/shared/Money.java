package io.crowdrecon.recon.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An amount of money in one currency, as the decisions add and compare it: {@code amount} in the major unit of
 * {@code currency} ({@code 810.68} EUR is 810 euros and 68 cents), always written with the currency's ISO 4217 minor
 * digits ({@code 1100} EUR is {@code 1100.00}, {@code 1.5} KWD is {@code 1.500}). Because the scale is normalized,
 * {@link #equals} means same value and same currency. Arithmetic and comparison refuse another currency. Never
 * floating point; never rounds.
 *
 * <p>Money may be negative (a balance, a difference) and is not capped at {@link Amounts#MAX}: that limit is what the
 * service accepts as input, checked where the input is read; sums of accepted amounts may pass it.
 *
 * @param amount in the major unit of {@code currency}, with its minor digits; never null
 * @param currency a known ISO 4217 code, upper case; never null
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    /**
     * @throws IllegalArgumentException if {@code currency} is not a known ISO 4217 code, or {@code amount} has more
     *     decimals than it (10.5 JPY, 1.001 EUR)
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        int digits = Amounts.minorDigits(currency);
        if (Amounts.precision(amount) > digits) {
            throw new IllegalArgumentException(amount.toPlainString() + " " + currency + " has more than " + digits
                    + (digits == 1 ? " decimal" : " decimals"));
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** {@code amount} of {@code currency}; see {@link Money the constructor} for what it refuses. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /**
     * {@code amount} of {@code currency} when it is money of it; empty when the amount is missing, the currency is no
     * known ISO 4217 code, or the amount has more decimals than the currency: for what a bank or gateway reported,
     * which a decision compares rather than trusts.
     */
    public static Optional<Money> tryOf(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null
                || currency == null
                || !Amounts.isKnownCurrency(currency)
                || Amounts.precision(amount) > Amounts.minorDigits(currency)) {
            return Optional.empty();
        }
        return Optional.of(new Money(amount, currency));
    }

    /** Zero in {@code currency} ({@code 0.00} EUR): the sum of nothing. */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Sums a stream of money in {@code currency}; zero when empty; refuses an element in another currency. */
    public static Collector<Money, ?, Money> sum(String currency) {
        return Collectors.reducing(zero(currency), Money::plus);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other, "add").amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other, "subtract").amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Orders by value; refuses another currency. */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other, "compare").amount);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** The amount and the currency as people read them: {@code 1100.00 EUR}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private Money sameCurrency(Money other, String operation) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot " + operation + " " + other + " and " + this + ": money in two currencies");
        }
        return other;
    }
}
