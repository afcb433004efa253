package io.crowdrecon.recon.bankfile.read;

import com.prowidesoftware.swift.model.field.Field;
import com.prowidesoftware.swift.model.field.Field28C;
import com.prowidesoftware.swift.model.field.Field61;
import io.crowdrecon.recon.bankfile.Balance;
import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.Iban;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The values of single MT940 fields. Prowide's field classes split each value into its components (the intricate
 * {@code :61:} above all); these methods then check every component, because prowide splits leniently (it drops
 * what it cannot place, such as the two extra digits of an 8-digit date, and never refuses) and would carry a wrong
 * value on silently, and convert it: amounts exact as written with their decimal comma, dates of the
 * 2000s (SWIFT writes {@code YYMMDD}).
 */
final class Mt940Values {

    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,14},[0-9]*");
    private static final Pattern DATES_THEN_MARK = Pattern.compile("[0-9]{6}([0-9]{4})?[A-Z]");
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");
    private static final Pattern STATEMENT_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern IDENTIFICATION_CODE = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern IBAN_AND_CURRENCY = Pattern.compile("([A-Z0-9]+) ?([A-Z]{3})");

    private Mt940Values() {}

    /**
     * One {@code :61:} statement line.
     *
     * @param mark {@code C}, {@code D}, {@code RC} or {@code RD}
     * @param entryDate null when the line gives none
     * @param amount unsigned, exact as written
     * @param transactionType {@code N}, {@code F} or {@code S} and its three-character code, such as {@code NTRF}
     * @param ownerReference the reference for the account owner as written ({@code NONREF} included); null if empty
     * @param bankReference the account servicing institution's reference after {@code //}; null when absent
     * @param supplementaryDetails the line after, if any
     */
    record StatementLine(
            LocalDate valueDate,
            @Nullable LocalDate entryDate,
            String mark,
            BigDecimal amount,
            String transactionType,
            @Nullable String ownerReference,
            @Nullable String bankReference,
            @Nullable String supplementaryDetails) {

        /**
         * The direction of the money: {@code RC} reverses a credit, taking the money out again, so it is a debit, and
         * {@code RD} a credit (SWIFT's definition, the same as camt's {@code CdtDbtInd} with {@code RvslInd}), so that
         * opening + credits − debits = closing holds whatever the marks.
         */
        Direction direction() {
            return mark.equals("C") || mark.equals("RD") ? Direction.CREDIT : Direction.DEBIT;
        }

        boolean reversal() {
            return mark.charAt(0) == 'R';
        }
    }

    /**
     * The statement line of a {@code :61:} field in {@code currency}.
     *
     * @throws Mt940Problem at the field's line if a component is missing or malformed
     */
    static StatementLine statementLine(Mt940Fields.Field field, String currency) {
        String written = field.firstLine();
        if (!DATES_THEN_MARK.matcher(written).lookingAt()) {
            throw notAStatementLine(field, "no value date YYMMDD and optional entry date MMDD before the mark");
        }
        Field61 parsed = new Field61(written);
        String valueDate = parsed.getComponent1();
        if (valueDate == null || !SIX_DIGITS.matcher(valueDate).matches()) {
            throw notAStatementLine(field, "no value date YYMMDD");
        }
        LocalDate value = date(field, valueDate);
        String entryDate = parsed.getComponent2();
        if (entryDate != null && !FOUR_DIGITS.matcher(entryDate).matches()) {
            throw notAStatementLine(field, "entry date '" + entryDate + "' is not MMDD");
        }
        String mark = parsed.getComponent3();
        if (!"C".equals(mark) && !"D".equals(mark) && !"RC".equals(mark) && !"RD".equals(mark)) {
            throw notAStatementLine(field, "no debit/credit mark C, D, RC or RD");
        }
        String fundsCode = parsed.getComponent4();
        if (fundsCode != null && !(fundsCode.length() == 1 && Character.isLetter(fundsCode.charAt(0)))) {
            throw notAStatementLine(field, "'" + fundsCode + "' where the amount should be");
        }
        String writtenAmount = parsed.getComponent5();
        if (writtenAmount == null || !AMOUNT.matcher(writtenAmount).matches()) {
            throw notAStatementLine(field, "no amount with a decimal comma such as 1234,56 after the mark");
        }
        BigDecimal amount = amount(field, writtenAmount, currency);
        String typeLetter = parsed.getComponent6();
        String code = parsed.getComponent7();
        if (!("N".equals(typeLetter) || "F".equals(typeLetter) || "S".equals(typeLetter))
                || code == null
                || !IDENTIFICATION_CODE.matcher(code).matches()) {
            throw notAStatementLine(field, "no transaction type such as NTRF after the amount");
        }
        String supplementary = field.lines().size() > 1
                ? String.join(" ", field.lines().subList(1, field.lines().size()))
                        .strip()
                : "";
        return new StatementLine(
                value,
                entryDate == null ? null : entryDate(field, entryDate, value),
                mark,
                amount,
                typeLetter + code,
                emptyToNull(parsed.getComponent8()),
                emptyToNull(parsed.getComponent9()),
                emptyToNull(supplementary));
    }

    /**
     * A balance field ({@code :60F:}, {@code :60M:}, {@code :62F:}, {@code :62M:}, {@code :64:}): mark, date,
     * currency, amount; a {@code D} balance is negative.
     *
     * @throws Mt940Problem at the field's line if a component is missing or malformed
     */
    static Balance balance(Mt940Fields.Field field) {
        String written = field.firstLine();
        Field parsed = Field.getField(field.tag(), written);
        if (parsed == null || parsed.getComponents().size() < 4) {
            throw notABalance(field, "not mark, date, currency and amount");
        }
        String mark = parsed.getComponent(1);
        if (!"C".equals(mark) && !"D".equals(mark)) {
            throw notABalance(field, "no debit/credit mark C or D");
        }
        String date = parsed.getComponent(2);
        if (date == null || !SIX_DIGITS.matcher(date).matches()) {
            throw notABalance(field, "no date YYMMDD");
        }
        String currency = parsed.getComponent(3);
        if (!Amounts.isKnownCurrency(currency)) {
            throw notABalance(field, "'" + currency + "' is no ISO 4217 currency");
        }
        BigDecimal amount = amount(field, parsed.getComponent(4), currency);
        return new Balance(mark.equals("D") ? amount.negate() : amount, currency, date(field, date));
    }

    /**
     * The statement and page numbers of {@code :28C:} ({@code 00123/001}) or {@code :28:}.
     *
     * @param page null when the field gives none
     */
    record StatementNumber(long sequence, @Nullable Integer page) {}

    static StatementNumber statementNumber(Mt940Fields.Field field) {
        Field28C parsed = new Field28C(field.firstLine());
        String sequence = parsed.getStatementNumber();
        String page = parsed.getSequenceNumber();
        if (sequence == null
                || !STATEMENT_NUMBER.matcher(sequence).matches()
                || (page != null && !STATEMENT_NUMBER.matcher(page).matches())
                // Prowide drops an empty page ("1/").
                || !field.firstLine().equals(parsed.getValue())) {
            throw new Mt940Problem(
                    field.line(),
                    ":" + field.tag() + ": '" + Mt940Fields.echo(field.firstLine())
                            + "' is not a statement number with an optional page such as 00123/001");
        }
        return new StatementNumber(Long.parseLong(sequence), page == null ? null : Integer.valueOf(page));
    }

    /**
     * The account of {@code :25:} ({@code :25P:}: its first line; the second is the BIC).
     *
     * @param iban the IBAN when the account is one: the whole value, or what follows a BIC or bank code and
     *     {@code /}, optionally followed by a currency code (as ING writes {@code NL20INGB0001234567EUR}); else null
     * @param other the value as written when it is no IBAN ({@code 37040044/0532013000}); else null
     */
    record Account(@Nullable String iban, @Nullable String other) {}

    static Account account(Mt940Fields.Field field) {
        String written = field.firstLine();
        if (written.isEmpty()) {
            throw new Mt940Problem(field.line(), ":" + field.tag() + ": names no account");
        }
        String iban = ibanIn(written);
        if (iban == null && written.indexOf('/') > 0) {
            iban = ibanIn(written.substring(written.lastIndexOf('/') + 1));
        }
        return iban != null ? new Account(iban, null) : new Account(null, written);
    }

    private static @Nullable String ibanIn(String text) {
        if (isIban(text)) {
            return text;
        }
        Matcher suffixed = IBAN_AND_CURRENCY.matcher(text);
        if (suffixed.matches() && Amounts.isKnownCurrency(suffixed.group(2)) && isIban(suffixed.group(1))) {
            return suffixed.group(1);
        }
        return null;
    }

    /** Whether {@code text} is an IBAN exactly as written: electronic format, valid check digits. */
    static boolean isIban(@Nullable String text) {
        return text != null
                && !text.isEmpty()
                && Iban.tryParse(text).map(Iban::value).filter(text::equals).isPresent();
    }

    private static BigDecimal amount(Mt940Fields.Field field, @Nullable String written, String currency) {
        if (written == null || !AMOUNT.matcher(written).matches()) {
            throw new Mt940Problem(
                    field.line(),
                    ":" + field.tag() + ": amount '" + (written == null ? "" : Mt940Fields.echo(written))
                            + "' is not digits with a decimal comma such as 1234,56");
        }
        int comma = written.indexOf(',');
        String fraction = written.substring(comma + 1);
        BigDecimal amount = new BigDecimal(
                fraction.isEmpty() ? written.substring(0, comma) : written.substring(0, comma) + "." + fraction);
        int digits = Amounts.minorDigits(currency);
        if (Amounts.precision(amount) > digits) {
            throw new Mt940Problem(
                    field.line(),
                    ":" + field.tag() + ": amount " + written + " has more decimals than " + currency + "'s " + digits);
        }
        return amount;
    }

    private static LocalDate date(Mt940Fields.Field field, String yymmdd) {
        try {
            return LocalDate.of(
                    2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new Mt940Problem(field.line(), ":" + field.tag() + ": '" + yymmdd + "' is no date YYMMDD");
        }
    }

    /**
     * The entry date {@code MMDD} in the year that puts it nearest the value date: a value date of 29 December with
     * an entry date {@code 0102} is booked on 2 January of the next year, and the other way round.
     */
    private static LocalDate entryDate(Mt940Fields.Field field, String mmdd, LocalDate valueDate) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2, 4));
        LocalDate nearest = null;
        for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
            LocalDate candidate;
            try {
                candidate = LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                continue;
            }
            if (nearest == null || distance(candidate, valueDate) < distance(nearest, valueDate)) {
                nearest = candidate;
            }
        }
        if (nearest == null) {
            throw notAStatementLine(field, "entry date '" + mmdd + "' is no date MMDD");
        }
        return nearest;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }

    private static Mt940Problem notAStatementLine(Mt940Fields.Field field, String why) {
        return new Mt940Problem(
                field.line(), ":61: '" + Mt940Fields.echo(field.firstLine()) + "' is not a statement line: " + why);
    }

    private static Mt940Problem notABalance(Mt940Fields.Field field, String why) {
        return new Mt940Problem(
                field.line(),
                ":" + field.tag() + ": '" + Mt940Fields.echo(field.firstLine()) + "' is not a balance: " + why);
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
