package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.EntryNotification.Credit;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionExecuted;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionReturned;
import io.crowdrecon.recon.bankfile.EntryNotification.Invalid;
import io.crowdrecon.recon.bankfile.EntryNotification.UnexpectedDebit;
import io.crowdrecon.recon.bankfile.StatementBreak.Kind;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The reconciliation of one booked statement (camt.053, MT940) of a portal's collection account with the books: an
 * accumulator the integration feeds while it streams the statement, then asks for the {@link StatementReport}. It
 * holds no entry: only the bank references of the statement's credits (to find the books' credits it lacks), sums,
 * and the few exceptions. Plain Java: what it needs from the books, the integration looks up and hands over.
 *
 * <h2>How the integration uses it</h2>
 *
 * <ol>
 *   <li>{@link #begin} at the statement's start, with the account's previous booked statement (none for its first);
 *   <li>{@link #add} each entry, in file order, with what {@link EntryNotifications} made of it and, for each of its
 *       credits, the first non-duplicate credit the books hold for the account and that bank reference, looked up
 *       <em>before</em> this statement's credits are booked. The answer says, credit by credit, whether the books hold
 *       it alike ({@code MATCHED}), not at all ({@code MISSED}: decide it now, {@code "source": "STATEMENT"}, and open
 *       {@code MISSED_NOTIFICATION}) or otherwise ({@code MISMATCHED}: open {@code STATEMENT_MISMATCH});
 *   <li>{@link #end} with the statement's end; {@link #invalidReason()} says whether it is {@code INVALID} (then
 *       nothing of it is booked, and the report needs nothing more: {@link StatementArithmetic} can tell it before
 *       anything is booked);
 *   <li>once the statement's credits and debits are booked, {@link #bookCredit} each credit the books hold for the
 *       account with a booking date in {@link #period()} (duplicates excluded), and {@link #bookExecution} each of our
 *       instructions the books hold as executed with a bank booking date in it;
 *   <li>{@link #report()}.
 * </ol>
 *
 * <h2>The rules</h2>
 *
 * <ul>
 *   <li>Arithmetic: {@link StatementArithmetic}. A booked entry that is no money ({@link Invalid}) makes the statement
 *       {@code INVALID} too.
 *   <li>Continuity with the previous statement ({@code STATEMENT_GAP}; the statement is still booked): its opening
 *       balance is the previous closing balance; its sequence number is the previous one + 1, or the same one with the
 *       next page (MT940 continuation pages); its closing date is not before the previous one. Without a sequence
 *       number on either side there is nothing to compare.
 *   <li>Entry by entry, each credit against the books' credit of the same bank reference: same amount (by value),
 *       currency and booking date → {@code MATCHED}; none → {@code MISSED}; else {@code MISMATCHED}, naming what
 *       differs. A bank reference seen again on the statement is {@code MISMATCHED} too: the books hold it once.
 *   <li>The period: {@code FrToDt} when the statement gives it; else the closing balance's date; else the booked
 *       entries' first to last booking date.
 *   <li>{@code NOT_ON_STATEMENT}: a credit the books hold for the period whose bank reference the statement lacks.
 *   <li>Our instructions: one the bank debited that the books do not hold as executed in the period, one the books hold
 *       as executed in the period that the statement does not debit, one debited for another amount, or debited twice,
 *       and debits the bank does not itemise → {@code STATEMENT_MISMATCH}. A credit the books hold alike but booked
 *       outside the period is counted in another period's balance → {@code STATEMENT_MISMATCH}.
 *   <li>The balance and its explanation: see {@link StatementReport#explained()}. {@code RECONCILED} when there is no
 *       exception of any kind and the difference is 0; else {@code BREAKS}.
 * </ul>
 */
public final class StatementReconciliation {

    /**
     * The account's previous booked statement, as the books keep it.
     *
     * @param statementId its id, for the review items
     * @param sequenceNumber its sequence number; null when it had none
     * @param pageNumber its page (MT940); null when it had none
     * @param closing its closing booked balance; never null
     */
    public record PreviousStatement(String statementId, Long sequenceNumber, Integer pageNumber, Balance closing) {

        public PreviousStatement {
            Objects.requireNonNull(closing, "closing");
        }
    }

    /**
     * A credit the books hold for the account: {@code credit} rows of the account's IBAN (or other id), outcome other
     * than {@code DUPLICATE_FEED}.
     */
    public record BookCredit(
            String notificationId, String bankReference, BigDecimal amount, String currency, LocalDate bookingDate) {

        public BookCredit {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /** One of our instructions the books hold as executed, with the bank's booking date of its debit. */
    public record BookExecution(String instructionId, BigDecimal amount, String currency, LocalDate bookingDate) {

        public BookExecution {
            Objects.requireNonNull(instructionId, "instructionId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /** The booking dates whose credits and executions the books must hand over. */
    public record Period(LocalDate from, LocalDate to) {

        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("period ends before it starts");
            }
        }

        public boolean contains(@Nullable LocalDate date) {
            return date != null && !date.isBefore(from) && !date.isAfter(to);
        }

        @Override
        public String toString() {
            return from.equals(to) ? from.toString() : from + ".." + to;
        }
    }

    /** How a credit of the statement compares with the books. */
    public enum Verdict {
        /** The books hold it alike: same bank reference, amount, currency and booking date. */
        MATCHED,
        /** The books do not hold it: decide it now from the statement, and open {@code MISSED_NOTIFICATION}. */
        MISSED,
        /** The books hold it otherwise, or the statement holds it twice: open {@code STATEMENT_MISMATCH}. */
        MISMATCHED
    }

    /**
     * The check of one credit of the statement.
     *
     * @param onBooks the books' credit it was compared with; null when {@code MISSED} or seen again on the statement
     * @param detail for an operator (the review item's detail); says what differs when {@code MISMATCHED}
     */
    public record CreditCheck(Credit credit, Verdict verdict, @Nullable RecordedCredit onBooks, String detail) {}

    private final StatementContext context;
    private final StatementStart start;
    private final @Nullable PreviousStatement previous;
    private final StatementArithmetic arithmetic;
    private final @Nullable String currency;
    private final List<String> invalidEntries = new ArrayList<>();

    private final Set<String> creditReferences = new HashSet<>();
    private final Map<LocalDate, Tally> agreedByDate = new TreeMap<>();
    private final Map<String, BigDecimal> mismatchedBankAmounts = new HashMap<>();
    private final Map<String, BigDecimal> mismatchedBooksAmounts = new HashMap<>();
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final List<StatementBreak> breaks = new ArrayList<>();
    private Tally matched = Tally.NONE;
    private Tally missed = Tally.NONE;
    private Tally mismatched = Tally.NONE;
    private Tally unexpected = Tally.NONE;
    private Tally notOnStatement = Tally.NONE;
    private BigDecimal repeatedCredits = BigDecimal.ZERO;
    private BigDecimal itemisedDebits = BigDecimal.ZERO;
    private BigDecimal booksCredits = BigDecimal.ZERO;
    private BigDecimal booksExecuted = BigDecimal.ZERO;
    private @Nullable LocalDate firstBookingDate;
    private @Nullable LocalDate lastBookingDate;
    private @Nullable Period period;
    private boolean ended;
    private Optional<String> invalid = Optional.empty(); // set by end(), read only once ended

    /** One of our instructions the statement debits, and whether the books hold it as executed in the period. */
    private static final class Execution {
        private final InstructionExecuted debit;
        private boolean inBooks;

        private Execution(InstructionExecuted debit) {
            this.debit = debit;
        }
    }

    private StatementReconciliation(
            StatementContext context, StatementStart start, @Nullable PreviousStatement previous) {
        this.context = context;
        this.start = start;
        this.previous = previous;
        this.arithmetic = StatementArithmetic.begin(start);
        this.currency = arithmetic.currency();
    }

    /**
     * Starts reconciling the statement {@code start} opens.
     *
     * @param previous the account's previous booked statement; null for the account's first
     */
    public static StatementReconciliation begin(
            StatementContext context, StatementStart start, @Nullable PreviousStatement previous) {
        return new StatementReconciliation(
                Objects.requireNonNull(context, "context"), Objects.requireNonNull(start, "start"), previous);
    }

    /**
     * Takes one entry of the statement, in file order.
     *
     * @param notifications what {@link EntryNotifications} made of {@code entry}
     * @param booksByBankReference for each credit of {@code notifications}, the first credit the books hold for the
     *     account and its bank reference whose outcome is not {@code DUPLICATE_FEED}, looked up before this statement's
     *     credits are booked; a reference the books do not hold is absent
     * @return one check per credit of the entry, in order; empty for an entry without credits or not booked
     */
    public List<CreditCheck> add(
            Entry entry, List<EntryNotification> notifications, Map<String, RecordedCredit> booksByBankReference) {
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(booksByBankReference, "booksByBankReference");
        if (ended) {
            throw new IllegalStateException("the statement has ended");
        }
        arithmetic.add(entry);
        if (!EntryNotifications.isBooked(entry)) {
            return List.of();
        }
        LocalDate date = EntryNotifications.dateOf(entry);
        if (date != null) {
            firstBookingDate = firstBookingDate == null || date.isBefore(firstBookingDate) ? date : firstBookingDate;
            lastBookingDate = lastBookingDate == null || date.isAfter(lastBookingDate) ? date : lastBookingDate;
        }
        List<CreditCheck> checks = new ArrayList<>();
        for (EntryNotification notification : notifications) {
            if (notification instanceof Credit credit) {
                checks.add(check(credit, booksByBankReference.get(credit.bankReference())));
            } else if (notification instanceof InstructionExecuted execution) {
                debitOfOurs(execution);
            } else if (notification instanceof InstructionReturned returned) {
                unexpectedDebit(returned.amount(), returned.currency());
            } else if (notification instanceof UnexpectedDebit debit) {
                unexpectedDebit(debit.amount(), debit.currency());
            } else if (notification instanceof Invalid invalid) {
                invalidEntries.add(invalid.reason());
            }
        }
        return checks;
    }

    /** Ends the statement. */
    public void end(StatementEnd statementEnd) {
        if (ended) {
            throw new IllegalStateException("the statement has ended");
        }
        arithmetic.end(statementEnd);
        ended = true;
        period = periodOf(statementEnd);
        invalid = invalidEntries.isEmpty() ? arithmetic.invalidReason() : Optional.of(invalidEntries.get(0));
    }

    /**
     * Why the statement is {@code INVALID}; empty when it adds up.
     *
     * @throws IllegalStateException before {@link #end}
     */
    public Optional<String> invalidReason() {
        requireEnded();
        return invalid;
    }

    /**
     * The booking dates the books must hand over credits and executions for; empty when the statement has no date at
     * all (no period, no closing date, no booked entry), then there is nothing to hand over.
     *
     * @throws IllegalStateException before {@link #end}
     */
    public Optional<Period> period() {
        requireEnded();
        return Optional.ofNullable(period);
    }

    /** Takes one credit the books hold for the account with a booking date in {@link #period()}. */
    public void bookCredit(BookCredit credit) {
        Objects.requireNonNull(credit, "credit");
        requireReconcilable();
        BigDecimal counted = isAccountCurrency(credit.currency()) ? credit.amount() : BigDecimal.ZERO;
        booksCredits = booksCredits.add(counted);
        if (credit.bankReference() != null && creditReferences.contains(credit.bankReference())) {
            if (mismatchedBankAmounts.containsKey(credit.bankReference())) {
                mismatchedBooksAmounts.merge(credit.bankReference(), counted, BigDecimal::add);
            }
            return;
        }
        notOnStatement = notOnStatement.plus(credit.amount());
        breaks.add(new StatementBreak(
                Kind.NOT_ON_STATEMENT,
                credit.notificationId(),
                credit.amount(),
                counted.negate(),
                "Credit " + credit.notificationId() + " (bank reference " + credit.bankReference() + ", "
                        + money(credit.amount(), credit.currency()) + " booked " + credit.bookingDate()
                        + ") is in the books but not on " + context.describe() + " of " + context.account()
                        + " for " + period
                        + ": money the bank has not booked must not be paid out until ops resolve it"));
    }

    /** Takes one of our instructions the books hold as executed with a booking date in {@link #period()}. */
    public void bookExecution(BookExecution execution) {
        Objects.requireNonNull(execution, "execution");
        requireReconcilable();
        BigDecimal counted = isAccountCurrency(execution.currency()) ? execution.amount() : BigDecimal.ZERO;
        booksExecuted = booksExecuted.add(counted);
        Execution onStatement = executions.get(execution.instructionId());
        if (onStatement == null) {
            breaks.add(new StatementBreak(
                    Kind.STATEMENT_MISMATCH,
                    execution.instructionId(),
                    execution.amount(),
                    counted,
                    "Instruction " + execution.instructionId() + " ("
                            + money(execution.amount(), execution.currency()) + ") is executed in the books on "
                            + execution.bookingDate() + ", but " + context.describe() + " does not debit it"));
            return;
        }
        onStatement.inBooks = true;
        if (onStatement.debit.amount() == null) {
            itemisedDebits = itemisedDebits.add(counted); // the books say how much of the batch it was
            return;
        }
        BigDecimal debited = itemised(onStatement.debit.amount(), onStatement.debit.currency());
        if (counted.compareTo(debited) != 0) {
            breaks.add(new StatementBreak(
                    Kind.STATEMENT_MISMATCH,
                    execution.instructionId(),
                    onStatement.debit.amount(),
                    counted.subtract(debited),
                    "Instruction " + execution.instructionId() + " is debited "
                            + money(onStatement.debit.amount(), onStatement.debit.currency()) + " on "
                            + context.describe()
                            + ", but executed for " + money(execution.amount(), execution.currency())
                            + " in the books"));
        }
    }

    /**
     * The reconciliation, from what it was given so far.
     *
     * @throws IllegalStateException before {@link #end}
     */
    public StatementReport report() {
        requireEnded();
        List<String> gaps = gaps();
        Balance opening = start.opening();
        Balance closing = arithmetic.ended().closing();
        if (invalid.isPresent()) {
            return new StatementReport(
                    StatementStatus.INVALID,
                    invalid.get(),
                    gaps,
                    currency,
                    opening,
                    closing,
                    null,
                    null,
                    minor(arithmetic.entries()),
                    minor(arithmetic.credits()),
                    minor(arithmetic.debits()),
                    arithmetic.notBooked(),
                    minor(matched),
                    minor(missed),
                    Tally.NONE,
                    minor(mismatched),
                    minor(unexpected),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of());
        }
        List<StatementBreak> all = new ArrayList<>(gapBreaks(gaps));
        all.addAll(breaks);
        all.addAll(executionsNotInBooks());
        all.addAll(creditsOutsidePeriod());
        unitemisedDebits().ifPresent(all::add);

        // Each statement is judged on its own period: the books' balance starts again from the bank's
        // previous closing balance (this statement's opening for the account's first), so that an
        // exception of an earlier period is not carried into every statement after it.
        // A statement that adds up (not INVALID) has both booked balances.
        Balance bankOpening = Objects.requireNonNull(opening, "opening");
        Balance bankClosing = Objects.requireNonNull(closing, "closing");
        PreviousStatement last = previous;
        BigDecimal base = last != null && last.closing().currency().equals(currency)
                ? last.closing().amount()
                : bankOpening.amount();
        BigDecimal expected = base.add(booksCredits).subtract(booksExecuted);
        BigDecimal difference = bankClosing.amount().subtract(expected);
        BigDecimal explained = explainedByMismatches()
                .add(repeatedCredits)
                .subtract(unexpected.sum())
                .add(all.stream().map(StatementBreak::explains).reduce(BigDecimal.ZERO, BigDecimal::add));
        boolean clean = missed.count() == 0
                && mismatched.count() == 0
                && notOnStatement.count() == 0
                && unexpected.count() == 0
                && all.isEmpty()
                && difference.signum() == 0;
        return new StatementReport(
                clean ? StatementStatus.RECONCILED : StatementStatus.BREAKS,
                null,
                gaps,
                currency,
                opening,
                closing,
                period == null ? null : period.from(),
                period == null ? null : period.to(),
                minor(arithmetic.entries()),
                minor(arithmetic.credits()),
                minor(arithmetic.debits()),
                arithmetic.notBooked(),
                minor(matched),
                minor(missed),
                minor(notOnStatement),
                minor(mismatched),
                minor(unexpected),
                minor(booksCredits),
                minor(booksExecuted),
                minor(expected),
                minor(difference),
                minor(explained),
                all);
    }

    // --- entry by entry ---

    private CreditCheck check(Credit credit, @Nullable RecordedCredit books) {
        IncomingCredit bank = credit.credit();
        String reference = bank.bankReference();
        String what = "Credit " + reference + " (" + money(bank.amount(), bank.currency()) + " booked "
                + bank.bookingDate() + ") on " + context.describe() + " of " + context.account();
        if (!creditReferences.add(reference)) {
            mismatched = mismatched.plus(bank.amount());
            repeatedCredits = repeatedCredits.add(bank.amount());
            return new CreditCheck(
                    credit,
                    Verdict.MISMATCHED,
                    null,
                    what + " appears again on the statement: the books hold its bank reference once");
        }
        if (books == null) {
            missed = missed.plus(bank.amount());
            agreedByDate.merge(bank.bookingDate(), Tally.NONE.plus(bank.amount()), StatementReconciliation::add);
            return new CreditCheck(
                    credit, Verdict.MISSED, null, what + " was never notified: decided now from the statement");
        }
        List<String> differences = differences(bank, books);
        if (differences.isEmpty()) {
            matched = matched.plus(bank.amount());
            agreedByDate.merge(bank.bookingDate(), Tally.NONE.plus(bank.amount()), StatementReconciliation::add);
            return new CreditCheck(credit, Verdict.MATCHED, books, what + " is notification " + books.notificationId());
        }
        mismatched = mismatched.plus(bank.amount());
        mismatchedBankAmounts.put(reference, bank.amount());
        return new CreditCheck(
                credit,
                Verdict.MISMATCHED,
                books,
                what + " differs from notification " + books.notificationId() + " in the books: "
                        + String.join("; ", differences));
    }

    private static List<String> differences(IncomingCredit bank, RecordedCredit books) {
        List<String> differences = new ArrayList<>();
        if (bank.amount().compareTo(books.amount()) != 0) {
            differences.add("amount " + bank.amount().toPlainString() + " on the statement, "
                    + books.amount().toPlainString() + " in the books");
        }
        if (!bank.currency().equals(books.currency())) {
            differences.add("currency " + bank.currency() + " on the statement, " + books.currency() + " in the books");
        }
        if (!Objects.equals(bank.bookingDate(), books.bookingDate())) {
            differences.add(
                    "booked " + bank.bookingDate() + " on the statement, " + books.bookingDate() + " in the books");
        }
        return differences;
    }

    private void debitOfOurs(InstructionExecuted debit) {
        itemisedDebits = itemisedDebits.add(itemised(debit.amount(), debit.currency()));
        if (executions.putIfAbsent(debit.instructionId(), new Execution(debit)) != null) {
            BigDecimal amount = itemised(debit.amount(), debit.currency());
            breaks.add(new StatementBreak(
                    Kind.STATEMENT_MISMATCH,
                    debit.instructionId(),
                    debit.amount(),
                    amount.negate(),
                    "Instruction " + debit.instructionId() + " is debited again on " + context.describe()
                            + " (bank reference " + debit.bankReference() + ", "
                            + (debit.amount() == null ? "amount not itemised" : money(debit.amount(), debit.currency()))
                            + "): the books execute it once"));
        }
    }

    private void unexpectedDebit(@Nullable BigDecimal amount, @Nullable String debitCurrency) {
        BigDecimal known = itemised(amount, debitCurrency);
        unexpected = unexpected.plus(known);
        itemisedDebits = itemisedDebits.add(known);
    }

    /** What of a debit's amount is known in the account's currency (a batch part without amount: nothing). */
    private BigDecimal itemised(@Nullable BigDecimal amount, @Nullable String debitCurrency) {
        return amount != null && isAccountCurrency(debitCurrency) ? amount : BigDecimal.ZERO;
    }

    // --- once the statement has ended ---

    private @Nullable Period periodOf(StatementEnd statementEnd) {
        LocalDate from = start.fromDate() != null ? start.fromDate() : start.toDate();
        LocalDate to = start.toDate() != null ? start.toDate() : start.fromDate();
        if (from != null) {
            LocalDate until = Objects.requireNonNull(to, "from or to given: both are");
            return from.isAfter(until) ? new Period(until, from) : new Period(from, until);
        }
        LocalDate closingDate =
                statementEnd.closing() == null ? null : statementEnd.closing().date();
        if (closingDate != null) {
            return new Period(closingDate, closingDate);
        }
        return firstBookingDate == null
                ? null
                : new Period(firstBookingDate, Objects.requireNonNull(lastBookingDate, "set with the first"));
    }

    private List<String> gaps() {
        if (previous == null) {
            return List.of();
        }
        List<String> gaps = new ArrayList<>();
        String previousName = previous.statementId() == null
                ? "the previous statement"
                : "previous statement " + previous.statementId();
        Balance opening = start.opening();
        Balance before = previous.closing();
        if (opening != null
                && (!opening.currency().equals(before.currency())
                        || opening.amount().compareTo(before.amount()) != 0)) {
            String unaccounted = opening.currency().equals(before.currency())
                    ? ": " + money(opening.amount().subtract(before.amount()), opening.currency())
                            + " moved between them that no statement shows"
                    : "";
            gaps.add("It opens at " + money(opening.amount(), opening.currency()) + ", but " + previousName
                    + " closed at " + money(before.amount(), before.currency())
                    + (before.date() == null ? "" : " on " + before.date()) + unaccounted);
        }
        Long sequence = start.sequenceNumber();
        Long previousSequence = previous.sequenceNumber();
        if (sequence != null && previousSequence != null && !follows(sequence, previousSequence)) {
            gaps.add(
                    sequence > previousSequence + 1
                            ? "Its sequence number " + sequence + " follows " + previousSequence + ": "
                                    + (sequence - previousSequence - 1) + " statement(s) missing"
                            : "Its sequence number " + sequence + page(start.pageNumber()) + " does not follow "
                                    + previousSequence + page(previous.pageNumber()) + " of " + previousName);
        }
        Balance closing = arithmetic.ended().closing();
        if (closing != null
                && closing.date() != null
                && before.date() != null
                && closing.date().isBefore(before.date())) {
            gaps.add("It closes on " + closing.date() + ", before " + previousName + " (" + before.date() + ")");
        }
        return gaps;
    }

    private static String page(@Nullable Integer page) {
        return page == null ? "" : ", page " + page;
    }

    private boolean follows(long sequence, long previousSequence) {
        if (sequence == previousSequence + 1) {
            return true;
        }
        PreviousStatement last = Objects.requireNonNull(previous, "gaps() follows a previous statement");
        return sequence == previousSequence
                && start.pageNumber() != null
                && last.pageNumber() != null
                && start.pageNumber() == last.pageNumber() + 1;
    }

    private List<StatementBreak> gapBreaks(List<String> gaps) {
        if (gaps.isEmpty()) {
            return List.of();
        }
        // Gaps are found against a previous statement, for a statement that adds up (so has an opening balance).
        Balance opening = Objects.requireNonNull(start.opening(), "opening");
        Balance before = Objects.requireNonNull(previous, "previous").closing();
        BigDecimal moved = opening.currency().equals(before.currency())
                ? opening.amount().subtract(before.amount())
                : BigDecimal.ZERO;
        return List.of(new StatementBreak(
                Kind.STATEMENT_GAP,
                start.statementId(),
                moved.signum() == 0 ? null : moved,
                moved,
                String.join("; ", gaps)));
    }

    private List<StatementBreak> executionsNotInBooks() {
        List<StatementBreak> found = new ArrayList<>();
        for (Execution execution : executions.values()) {
            if (!execution.inBooks) {
                InstructionExecuted debit = execution.debit;
                BigDecimal amount = itemised(debit.amount(), debit.currency());
                found.add(new StatementBreak(
                        Kind.STATEMENT_MISMATCH,
                        debit.instructionId(),
                        debit.amount(),
                        amount.negate(),
                        "Instruction " + debit.instructionId() + " is debited on " + context.describe()
                                + " (bank reference " + debit.bankReference() + ", "
                                + (debit.amount() == null
                                        ? "amount not itemised"
                                        : money(debit.amount(), debit.currency()))
                                + ", booked " + debit.bookingDate() + "), but the books hold no execution of it in "
                                + (period == null ? "the period" : period)));
            }
        }
        return found;
    }

    private List<StatementBreak> creditsOutsidePeriod() {
        List<StatementBreak> found = new ArrayList<>();
        agreedByDate.forEach((date, credits) -> {
            if (period != null && !period.contains(date)) {
                found.add(new StatementBreak(
                        Kind.STATEMENT_MISMATCH,
                        start.statementId(),
                        credits.sum(),
                        credits.sum(),
                        credits.count() + " credit(s) of " + money(credits.sum(), currency) + " on "
                                + context.describe() + " are booked on " + date + ", outside its period " + period
                                + ": the books count them in another period's balance"));
            }
        });
        return found;
    }

    private Optional<StatementBreak> unitemisedDebits() {
        BigDecimal unitemised = arithmetic.debits().sum().subtract(itemisedDebits);
        if (unitemised.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new StatementBreak(
                Kind.STATEMENT_MISMATCH,
                start.statementId(),
                unitemised,
                unitemised.negate(),
                "Debits of " + money(unitemised, currency) + " on " + context.describe()
                        + " are not itemised by transaction, nor by executions in the books"));
    }

    /** Bank amount − the books' amount counted in the period, for each credit the books hold otherwise. */
    private BigDecimal explainedByMismatches() {
        BigDecimal explained = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> bank : mismatchedBankAmounts.entrySet()) {
            explained = explained
                    .add(bank.getValue())
                    .subtract(mismatchedBooksAmounts.getOrDefault(bank.getKey(), BigDecimal.ZERO));
        }
        return explained;
    }

    // --- helpers ---

    private void requireEnded() {
        if (!ended) {
            throw new IllegalStateException("the statement has not ended yet");
        }
    }

    private void requireReconcilable() {
        requireEnded();
        if (invalid.isPresent()) {
            throw new IllegalStateException("an INVALID statement is not reconciled with the books");
        }
    }

    private boolean isAccountCurrency(@Nullable String other) {
        return Objects.equals(currency, other);
    }

    private static Tally add(Tally a, Tally b) {
        return new Tally(a.count() + b.count(), a.sum().add(b.sum()));
    }

    private Tally minor(Tally tally) {
        return new Tally(tally.count(), minor(tally.sum()));
    }

    private BigDecimal minor(BigDecimal amount) {
        return Amounts.inMinorDigits(amount, currency);
    }

    private static String money(BigDecimal amount, @Nullable String currency) {
        return Amounts.inMinorDigits(amount, currency).toPlainString() + " " + currency;
    }
}
