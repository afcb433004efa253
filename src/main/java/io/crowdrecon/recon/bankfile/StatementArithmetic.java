package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether one booked statement (camt.053, MT940) adds up, fed entry by entry as it is read (it holds no entry): a
 * statement that does not is {@code INVALID}, and nothing in it is booked ({@code STATEMENT_INVALID}). Plain Java. It
 * needs nothing from the books, so the integration can run it over a statement before booking any of it.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>an opening and a closing booked balance;
 *   <li>one currency: the account's ({@code Acct/Ccy}, else the opening balance's), a known ISO 4217 code, for both
 *       balances and every booked entry; no amount with more decimals than that currency has;
 *   <li>opening + Σ booked credits − Σ booked debits = closing, by value. Only {@code BOOK} entries (or entries without
 *       status, MT940) move a booked balance: {@code PDNG} and {@code INFO} entries are counted apart and left out;
 *   <li>the totals the bank declares ({@code TxsSummry/TtlNtries}: number of entries and the sum of their amounts,
 *       unsigned), when it declares them, are those of all the statement's entries, whatever their status.
 * </ul>
 */
public final class StatementArithmetic {

    private static final int MAX_ENTRY_FLAWS = 3;

    private final StatementStart start;
    private final @Nullable String currency;
    private final List<String> entryFlaws = new ArrayList<>();
    private long entriesWithFlaws;
    // What the bank's declared totals count: every entry, whatever its status or currency, so a number, not Money.
    private Tally entries = Tally.NONE;
    private Tally credits = Tally.NONE;
    private Tally debits = Tally.NONE;
    private long notBooked;
    private @Nullable StatementEnd end;

    private StatementArithmetic(StatementStart start) {
        this.start = start;
        this.currency = start.accountCurrency() != null
                ? start.accountCurrency()
                : start.opening() == null ? null : start.opening().currency();
    }

    /** Starts checking the statement {@code start} opens. */
    public static StatementArithmetic begin(StatementStart start) {
        return new StatementArithmetic(Objects.requireNonNull(start, "start"));
    }

    /** Counts one entry of the statement, in file order. */
    public void add(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        if (end != null) {
            throw new IllegalStateException("the statement has ended");
        }
        entries = entries.plus(entry.amount().abs());
        if (!EntryNotifications.isBooked(entry)) {
            notBooked++;
            return;
        }
        Optional<String> flaw = flaw(entry);
        if (flaw.isPresent()) {
            entriesWithFlaws++;
            if (entryFlaws.size() < MAX_ENTRY_FLAWS) {
                entryFlaws.add("entry " + (entry.index() + 1) + " " + flaw.get());
            }
            return;
        }
        if (entry.direction() == Direction.CREDIT) {
            credits = credits.plus(entry.amount());
        } else {
            debits = debits.plus(entry.amount());
        }
    }

    /** Ends the statement with its closing balances. */
    public void end(StatementEnd statementEnd) {
        Objects.requireNonNull(statementEnd, "statementEnd");
        if (end != null) {
            throw new IllegalStateException("the statement has ended");
        }
        end = statementEnd;
    }

    /**
     * Why the statement is {@code INVALID}, for a person; empty when it adds up. Every rule that fails is named, in the
     * order above.
     *
     * @throws IllegalStateException before {@link #end}
     */
    public Optional<String> invalidReason() {
        StatementEnd statementEnd = ended();
        List<String> reasons = new ArrayList<>();
        Balance opening = start.opening();
        Balance closing = statementEnd.closing();
        if (opening == null) {
            reasons.add("it has no opening booked balance (camt OPBD or PRCD, MT940 :60F: or :60M:)");
        }
        if (closing == null) {
            reasons.add("it has no closing booked balance (camt CLBD, MT940 :62F: or :62M:)");
        }
        String code = currency;
        if (code == null || !Amounts.isKnownCurrency(code)) {
            reasons.add("its account's currency '" + currency + "' is no ISO 4217 code");
            return invalid(reasons);
        }
        balanceFlaw("opening", opening).ifPresent(reasons::add);
        balanceFlaw("closing", closing).ifPresent(reasons::add);
        if (entriesWithFlaws > 0) {
            reasons.add(entriesWithFlaws + (entriesWithFlaws == 1 ? " entry is" : " entries are")
                    + " not money of the account: " + String.join(", ", entryFlaws)
                    + (entriesWithFlaws > entryFlaws.size() ? ", …" : ""));
        }
        if (start.declaredEntries() != null && start.declaredEntries() != entries.count()) {
            reasons.add("it declares " + start.declaredEntries() + " entries but holds " + entries.count());
        }
        if (start.declaredSum() != null && !entries.sumsTo(start.declaredSum())) {
            reasons.add("it declares entries summing to " + start.declaredSum().toPlainString() + " but its entries sum"
                    + " to " + entries.sum().toPlainString());
        }
        // No reason yet means both balances are given.
        if (reasons.isEmpty() && opening != null && closing != null) {
            // Every amount is now known money of the account's currency: the balances and entries were checked above.
            Money bookedCredits = credits.sumIn(code);
            Money bookedDebits = debits.sumIn(code);
            Money computed = opening.money().plus(bookedCredits).minus(bookedDebits);
            if (!computed.equals(closing.money())) {
                reasons.add("opening " + opening.money() + " + credits " + bookedCredits + " − debits " + bookedDebits
                        + " = " + computed + ", but its closing balance is " + closing.money());
            }
        }
        return invalid(reasons);
    }

    private Optional<String> invalid(List<String> reasons) {
        return reasons.isEmpty()
                ? Optional.empty()
                : Optional.of((start.statementId() == null ? "Statement" : "Statement " + start.statementId()) + ": "
                        + String.join("; ", reasons));
    }

    /** The account's currency: {@code Acct/Ccy}, else the opening balance's; null when neither is given. */
    public @Nullable String currency() {
        return currency;
    }

    /** The statement's booked credit entries (count, sum). */
    public Tally credits() {
        return credits;
    }

    /** The statement's booked debit entries (count, sum). */
    public Tally debits() {
        return debits;
    }

    /** How many entries the bank has not booked ({@code PDNG}, {@code INFO}). */
    public long notBooked() {
        return notBooked;
    }

    /** The statement's entries, whatever their status: how many, and their amounts added up unsigned. */
    public Tally entries() {
        return entries;
    }

    StatementEnd ended() {
        if (end == null) {
            throw new IllegalStateException("the statement has not ended yet");
        }
        return end;
    }

    private Optional<String> flaw(Entry entry) {
        if (!Objects.equals(entry.currency(), currency)) {
            return Optional.of("is in " + entry.currency() + ", not in the account's " + currency);
        }
        String code = currency;
        if (code == null || !Amounts.isKnownCurrency(code)) {
            return Optional.empty(); // said once, for the account
        }
        int digits = Amounts.minorDigits(code);
        if (!Amounts.isPositiveWithAtMost(entry.amount(), digits)) {
            return Optional.of("has the amount " + entry.amount().toPlainString() + ", not greater than 0 with at most "
                    + digits + " decimals");
        }
        return Optional.empty();
    }

    private Optional<String> balanceFlaw(String which, @Nullable Balance balance) {
        if (balance == null) {
            return Optional.empty();
        }
        if (!balance.currency().equals(currency)) {
            return Optional.of(
                    "its " + which + " balance is in " + balance.currency() + ", not in the account's " + currency);
        }
        int digits = Amounts.minorDigits(balance.currency()); // the account's, as just checked
        if (Amounts.precision(balance.amount()) > digits) {
            return Optional.of("its " + which + " balance " + balance.amount().toPlainString() + " has more than "
                    + digits + " decimals");
        }
        return Optional.empty();
    }
}
