package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The value types of ISO 20022 camt elements, read from their text exactly: each method returns the value or throws
 * {@link IllegalArgumentException} whose message completes "‹element› …" for a person ("'12,50' is not a decimal").
 */
final class CamtValues {

    // xs:decimal: digits with an optional point, no exponent, no grouping (BigDecimal alone would accept "1E3").
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int ECHO = 40;

    private CamtValues() {}

    /** An {@code ActiveOrHistoricCurrencyAndAmount}'s value: a decimal of 0 or more, exact as written. */
    static BigDecimal amount(@Nullable String text) {
        BigDecimal amount = decimal(text);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(
                    echo(text) + " is negative; camt amounts are unsigned (CdtDbtInd says the direction)");
        }
        return amount;
    }

    /** An xs:decimal ({@code DecimalNumber}), exact as written. */
    static BigDecimal decimal(@Nullable String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(echo(text) + " is not a decimal");
        }
        return new BigDecimal(text);
    }

    /**
     * A currency code of an amount: three upper-case letters naming an ISO 4217 currency.
     *
     * @return {@code code} as written
     */
    static String currency(@Nullable String code) {
        if (code == null || !CURRENCY.matcher(code).matches()) {
            throw new IllegalArgumentException(echo(code) + " is not a currency code (three upper-case letters)");
        }
        if (!Amounts.isKnownCurrency(code)) {
            throw new IllegalArgumentException(echo(code) + " is not an ISO 4217 currency");
        }
        return code;
    }

    /**
     * Checks that {@code amount} uses no more decimals than {@code currency} has minor digits (EUR 2, JPY 0, KWD 3).
     *
     * @param currency a code {@link #currency(String)} accepted
     */
    static void withinMinorDigits(BigDecimal amount, String currency) {
        int digits = Amounts.minorDigits(currency);
        if (Amounts.precision(amount) > digits) {
            throw new IllegalArgumentException(amount.toPlainString() + " " + currency + " has more decimals than the "
                    + digits + " of " + currency);
        }
    }

    /** An {@code ISODate} ({@code 2026-03-31}, an offset such as {@code +01:00} allowed and ignored). */
    static LocalDate date(@Nullable String text) {
        if (text != null) {
            try {
                return LocalDate.from(DateTimeFormatter.ISO_DATE.parse(text));
            } catch (DateTimeParseException e) {
                // said below, with the text
            }
        }
        throw new IllegalArgumentException(echo(text) + " is not a date (YYYY-MM-DD)");
    }

    /**
     * The date of an {@code ISODateTime} as written, in the writer's own time zone: {@code 2026-03-31T23:30:00-05:00}
     * is 31 March, not the 1 April it is in UTC.
     */
    static LocalDate dateOfDateTime(@Nullable String text) {
        TemporalAccessor parsed = dateTime(text);
        try {
            return LocalDate.from(parsed);
        } catch (DateTimeException e) {
            throw notADateTime(text);
        }
    }

    /**
     * The instant of an {@code ISODateTime}. A time written without an offset (ISO 20022 allows local time, and a bank
     * file names its time zone nowhere else) is taken as UTC: an assumption, the only one the reader makes.
     */
    static Instant instant(@Nullable String text) {
        TemporalAccessor parsed = dateTime(text);
        try {
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Instant.from(parsed);
            }
            return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw notADateTime(text);
        }
    }

    /** An xs:boolean: {@code true}, {@code false}, {@code 1} or {@code 0}. */
    static boolean bool(@Nullable String text) {
        if ("true".equals(text) || "1".equals(text)) {
            return true;
        }
        if ("false".equals(text) || "0".equals(text)) {
            return false;
        }
        throw new IllegalArgumentException(echo(text) + " is not a boolean (true or false)");
    }

    /**
     * A whole number of 0 or more: a {@code Number} such as {@code ElctrncSeqNb} (an xs:decimal without fraction, so
     * {@code 12.0} is 12) or a numeric text such as {@code NbOfNtries} or {@code PgNb}.
     */
    static long whole(@Nullable String text) {
        if (text != null && WHOLE.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        if (text != null && DECIMAL.matcher(text).matches()) {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() >= 0
                    && Amounts.precision(value) == 0
                    && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return value.longValueExact();
            }
        }
        throw new IllegalArgumentException(echo(text) + " is not a whole number of 0 or more");
    }

    /** A page number ({@code Max5NumericText}): a whole number of 0 or more that fits an int. */
    static int pageNumber(@Nullable String text) {
        long page = whole(text);
        if (page > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(echo(text) + " is not a page number");
        }
        return (int) page;
    }

    private static TemporalAccessor dateTime(@Nullable String text) {
        if (text != null) {
            try {
                return DateTimeFormatter.ISO_DATE_TIME.parse(text);
            } catch (DateTimeParseException e) {
                // said below, with the text
            }
        }
        throw notADateTime(text);
    }

    private static IllegalArgumentException notADateTime(@Nullable String text) {
        return new IllegalArgumentException(echo(text) + " is not a date and time (YYYY-MM-DDThh:mm:ss)");
    }

    static String echo(@Nullable String text) {
        if (text == null) {
            return "(empty)";
        }
        return text.length() <= ECHO ? "'" + text + "'" : "'" + text.substring(0, ECHO) + "…'";
    }
}
