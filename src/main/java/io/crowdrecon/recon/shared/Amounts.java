package io.crowdrecon.recon.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rules for money amounts. An amount is a {@link BigDecimal} in the major unit of its currency ({@code 810.68} EUR is
 * 810 euros and 68 cents), compared by value with {@code compareTo} ({@code 1100} equals {@code 1100.00}), its
 * precision judged on {@code stripTrailingZeros().scale()}. Never floating point.
 */
public final class Amounts {

    /** The largest amount the service accepts anywhere: 999,999,999.99. */
    public static final BigDecimal MAX = new BigDecimal("999999999.99");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {}

    /**
     * The number of decimals {@code amount} really uses: {@code 1100.00} → 0, {@code 810.680} → 2, {@code 1E+3} → 0.
     */
    public static int precision(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale());
    }

    /** Whether {@code amount} is non-null, greater than 0, at most {@link #MAX} and uses at most {@code decimals}. */
    public static boolean isPositiveWithAtMost(BigDecimal amount, int decimals) {
        return amount != null && amount.signum() > 0 && isWithinMaxAndPrecision(amount, decimals);
    }

    /** Whether {@code amount} is non-null, 0 or more, at most {@link #MAX} and uses at most {@code decimals}. */
    public static boolean isNonNegativeWithAtMost(BigDecimal amount, int decimals) {
        return amount != null && amount.signum() >= 0 && isWithinMaxAndPrecision(amount, decimals);
    }

    /**
     * The ISO 4217 minor digits of a currency: EUR 2, JPY 0, KWD 3; 0 for a code without minor unit (XAU).
     *
     * @throws IllegalArgumentException if {@code currencyCode} is not a known upper-case ISO 4217 code
     */
    public static int minorDigits(String currencyCode) {
        if (!isKnownCurrency(currencyCode)) {
            throw new IllegalArgumentException("not a known ISO 4217 currency code: " + echo(currencyCode));
        }
        return Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
    }

    /**
     * {@code amount} written with its currency's ISO 4217 minor digits, the one form every answer, stream and event
     * shows: {@code 1000} EUR is {@code 1000.00}, {@code 1000.0} JPY is {@code 1000}, {@code 1.5} KWD is
     * {@code 1.500}. Same value, only the scale changes; it never rounds: an amount with more decimals than its
     * currency has, or in a code that is no known currency (what a dead-lettered notification carried), comes back
     * unchanged, and null stays null.
     */
    public static BigDecimal inMinorDigits(BigDecimal amount, @Nullable String currencyCode) {
        if (amount == null || currencyCode == null || !isKnownCurrency(currencyCode)) {
            return amount;
        }
        int digits = minorDigits(currencyCode);
        if (precision(amount) > digits) {
            return amount;
        }
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** Zero in {@code currencyCode}'s minor digits ({@code 0.00} EUR), for a sum of nothing. */
    public static BigDecimal zero(String currencyCode) {
        return inMinorDigits(BigDecimal.ZERO, currencyCode);
    }

    /** Whether {@code code} is three upper-case letters naming a currency known to {@link Currency}. */
    public static boolean isKnownCurrency(@Nullable String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The portal's success fee on a campaign (SPEC section 3): {@code fixedAmount + round_half_up(executedCompanyAmount
     * × variablePercentage / 100, 2)}. The percentage is in percent points: {@code 2} means 2 %, {@code 0.15} means
     * 0.15 %. All amounts in the campaign currency's major unit.
     */
    public static BigDecimal successFee(
            BigDecimal fixedAmount, BigDecimal variablePercentage, BigDecimal executedCompanyAmount) {
        Objects.requireNonNull(fixedAmount, "fixedAmount");
        Objects.requireNonNull(variablePercentage, "variablePercentage");
        Objects.requireNonNull(executedCompanyAmount, "executedCompanyAmount");
        BigDecimal variable = executedCompanyAmount
                .multiply(variablePercentage)
                .divide(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
        return fixedAmount.add(variable);
    }

    private static boolean isWithinMaxAndPrecision(BigDecimal amount, int decimals) {
        return amount.compareTo(MAX) <= 0 && precision(amount) <= decimals;
    }

    private static String echo(String code) {
        if (code == null) {
            return "null";
        }
        return code.length() <= 8 ? "'" + code + "'" : "'" + code.substring(0, 8) + "…'";
    }
}
