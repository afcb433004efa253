package io.crowdrecon.recon.bankfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The reconciliation of one booked statement with the books: what {@code GET /api/v1/ops/bank-statements/{id}} shows.
 * Amounts are in the major unit of {@code currency}, written with its minor digits; counts and sums of entries are of
 * booked entries only.
 *
 * @param status {@code INVALID} when it does not add up, else {@code RECONCILED} or {@code BREAKS}
 * @param invalidReason why it is {@code INVALID}; null otherwise
 * @param gaps why it does not follow the account's previous statement ({@code STATEMENT_GAP}); empty when it does
 * @param currency the account's currency; null only for an {@code INVALID} statement that names none
 * @param opening the bank's opening booked balance; null when the statement gives none ({@code INVALID})
 * @param closing the bank's closing booked balance; null when the statement gives none ({@code INVALID})
 * @param from the first booking date whose credits and executions the books compared; null for an {@code INVALID}
 *     statement or one without any date
 * @param to the last such date
 * @param entries the statement's entries, whatever their status: count, and the sum of their amounts (unsigned)
 * @param credits booked credit entries
 * @param debits booked debit entries
 * @param notBooked entries the bank has not booked ({@code PDNG}, {@code INFO}): reported, never decided
 * @param matched credits of the statement the books hold alike (bank amounts)
 * @param missed credits of the statement the books did not hold, decided from it ({@code MISSED_NOTIFICATION})
 * @param notOnStatement credits the books hold for the period that the statement lacks (books amounts)
 * @param mismatched credits of the statement the books hold otherwise (amount, currency or date), or that appear
 *     twice on it ({@code STATEMENT_MISMATCH}; bank amounts)
 * @param unexpectedDebits debits that name none of our instructions, and our instructions the bank returned on a debit:
 *     money out the books do not hold as executed ({@code UNEXPECTED_DEBIT}, {@code INSTRUCTION_FAILED})
 * @param booksCredits Σ the credits the books hold for the period (duplicates excluded, missed ones included)
 * @param booksExecuted Σ our instructions the books hold as executed in the period
 * @param expectedClosingBalance the books' balance: the bank's previous closing balance (this statement's opening for
 *     the account's first) + {@code booksCredits} − {@code booksExecuted}, so that each statement is judged on its own
 *     period; null for {@code INVALID}
 * @param difference bank closing − expected closing; null for {@code INVALID}
 * @param explained what the exceptions account for, what each explains added up (a missed
 *     credit nothing: it is on both sides; a credit not on the statement −its books amount; a mismatch bank amount −
 *     books amount counted in the period; an unexpected debit −its amount; an execution the books lack −its amount; a
 *     balance gap opening − previous closing). Equal to {@code difference} when the exceptions are complete, which
 *     {@code /ops/audit} checks; null for {@code INVALID}
 * @param breaks the exceptions found once the statement ended, for review items (the credits missed or mismatched were
 *     answered entry by entry; unexpected debits are opened when the debits are applied)
 */
public record StatementReport(
        StatementStatus status,
        @Nullable String invalidReason,
        List<String> gaps,
        @Nullable String currency,
        @Nullable Balance opening,
        @Nullable Balance closing,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        Tally entries,
        Tally credits,
        Tally debits,
        long notBooked,
        Tally matched,
        Tally missed,
        Tally notOnStatement,
        Tally mismatched,
        Tally unexpectedDebits,
        @Nullable BigDecimal booksCredits,
        @Nullable BigDecimal booksExecuted,
        @Nullable BigDecimal expectedClosingBalance,
        @Nullable BigDecimal difference,
        @Nullable BigDecimal explained,
        List<StatementBreak> breaks) {

    public StatementReport {
        Objects.requireNonNull(status, "status");
        gaps = List.copyOf(gaps);
        breaks = List.copyOf(breaks);
    }
}
