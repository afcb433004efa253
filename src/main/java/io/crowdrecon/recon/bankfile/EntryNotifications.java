package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.Transaction;
import io.crowdrecon.recon.bankfile.EntryNotification.Credit;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionExecuted;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionReturned;
import io.crowdrecon.recon.bankfile.EntryNotification.Invalid;
import io.crowdrecon.recon.bankfile.EntryNotification.NotBooked;
import io.crowdrecon.recon.bankfile.EntryNotification.UnexpectedDebit;
import io.crowdrecon.recon.matching.CreditChannel;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.IdPrefix;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Decides what each entry of one account's statement, report or notification becomes for the books. One instance per
 * statement (it remembers only which digests it has handed out, see below); plain Java: no I/O, no clock.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>An entry the bank has not booked (status other than {@code BOOK}; null counts as booked, MT940 has none) →
 *       {@link NotBooked}: money not booked has not moved.
 *   <li>A booked entry that cannot be money (unknown currency, an amount that is not positive or has more decimals
 *       than its currency, no booking or value date) → {@link Invalid}: the file is not booked.
 *   <li>Each transaction of the entry is decided on its own; an entry without transaction details is one transaction.
 *       A credit batch is split only when its transactions' amounts, in the entry's currency, add up to the entry's
 *       amount; otherwise it is one credit of the entry's amount with no payer or remittance (the money is decided,
 *       never lost or invented). A single transaction always carries the entry's amount: what was booked, after any
 *       charges the bank deducted.
 *   <li>Money in → {@link Credit}. When the transaction names one of our instructions (its end-to-end id, else its
 *       instruction id, is a well-formed {@code PI…} id) and either says it is a return ({@code RtrInf}, MT940
 *       {@code RTRN}) or is a reversal ({@code RvslInd}: the bank takes back a debit of our instruction), the credit
 *       carries {@code returnOfInstructionId}: the matcher then books it as our payment coming back (SPEC section 5,
 *       rule 2), and the money is recorded like every credit. A reversal naming no instruction of ours is a plain
 *       credit: the matcher decides it (usually a return, on hold until ops give a destination).
 *   <li>Money out: a reversal ({@code RvslInd}: the bank takes back a credit) → {@link UnexpectedDebit}; a return of
 *       one of our instructions → {@link InstructionReturned} with the bank's reason code; naming one of our
 *       instructions → {@link InstructionExecuted}; anything else (bank charges, an unknown reference) →
 *       {@link UnexpectedDebit}. A debit batch is always split, one outcome per transaction (a bank books a batch of
 *       our payouts as one entry); a transaction without an amount of its own has a null amount.
 * </ol>
 *
 * <p>The bank reference of each transaction: its {@code AcctSvcrRef}; else the entry's {@code AcctSvcrRef} (for one
 * of several transactions, that reference + {@code "/"} + its position from 1); else the entry's {@code NtryRef} (the
 * same way); else {@code SHA:} and the SHA-256 (hex) of the account, direction, booking date, amount, currency,
 * counterparty's IBAN and name and remittance, so that a redelivered file is still a no-op. The same digest a second
 * time in one statement (two identical payments without any reference) gets {@code /2}, {@code /3}…: they stay two
 * credits. A transaction's own reference shared with another transaction of the entry is not used. References are
 * trimmed; {@code NONREF} and {@code NOTPROVIDED} count as none.
 *
 * <p>The notification id: a prefix ({@code BFC} in, {@code BFD} out, {@code BFN} not booked) and 24 base32 characters
 * (120 bits) of the SHA-256 of the prefix, the account and the bank reference. It names the booking, not the file: the
 * same credit in the day's camt.054 and the evening's camt.053 has the same id (a redelivery, not a duplicate), and two
 * accounts never share one. Never change this recipe: ids already recorded would no longer be recognised.
 */
public final class EntryNotifications {

    static final String CREDIT_PREFIX = "BFC";
    static final String DEBIT_PREFIX = "BFD";
    static final String NOT_BOOKED_PREFIX = "BFN";
    static final String DIGEST_PREFIX = "SHA:";

    private static final Set<String> NO_REFERENCE = Set.of("NONREF", "NOTPROVIDED");
    private static final char FIELD_SEPARATOR = '\u001F';
    private static final int ID_BYTES = 15;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int MAX_QUOTED_TEXT = 140;

    private final StatementContext context;
    private final String account;
    private final Map<String, Integer> digestsHandedOut = new HashMap<>();

    private EntryNotifications(StatementContext context) {
        this.context = context;
        this.account = context.account();
    }

    /** A decider for the entries of the statement, report or notification {@code context} describes. */
    public static EntryNotifications of(StatementContext context) {
        return new EntryNotifications(Objects.requireNonNull(context, "context"));
    }

    /**
     * What {@code entry} becomes: one outcome per transaction, or a single {@link NotBooked} or {@link Invalid}.
     * Entries must be given in file order (the order numbers identical digests).
     *
     * @return never empty
     */
    public List<EntryNotification> decide(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!isBooked(entry)) {
            return List.of(notBooked(entry));
        }
        Optional<String> flaw = flaw(entry);
        if (flaw.isPresent()) {
            return List.of(new Invalid(
                    id(entry.direction() == Direction.CREDIT ? CREDIT_PREFIX : DEBIT_PREFIX, entryReference(entry)),
                    entryReference(entry),
                    "Entry " + (entry.index() + 1) + " of " + context.describe() + ": " + flaw.get()));
        }
        return parts(entry).stream()
                .map(part -> entry.direction() == Direction.CREDIT ? credit(entry, part) : debit(entry, part))
                .toList();
    }

    /** Whether the bank booked {@code entry}: status {@code BOOK}, or none at all (MT940). */
    public static boolean isBooked(Entry entry) {
        return entry.status() == null || entry.status().trim().equalsIgnoreCase("BOOK");
    }

    /** The date a booked entry counts on: its booking date, else its value date; null when it has neither. */
    public static @Nullable LocalDate dateOf(Entry entry) {
        return entry.bookingDate() != null ? entry.bookingDate() : entry.valueDate();
    }

    // --- rule 3: one part per transaction ---

    /** One transaction of an entry, as decided: {@code transaction} is null for the entry as a whole. */
    private record Part(
            @Nullable Transaction transaction, @Nullable BigDecimal amount, String currency, String bankReference) {}

    private List<Part> parts(Entry entry) {
        String entryCurrency =
                Objects.requireNonNull(entry.currency(), "flaw() made an entry without currency Invalid");
        List<Transaction> transactions = entry.transactions();
        if (transactions.size() <= 1) {
            Transaction only = transactions.isEmpty() ? null : transactions.get(0);
            String reference = firstReference(
                            only == null ? null : only.accountServicerReference(),
                            entry.accountServicerReference(),
                            entry.entryReference())
                    .orElseGet(() -> digest(entry, only, entry.amount(), entryCurrency, true));
            return List.of(new Part(only, entry.amount(), entryCurrency, reference));
        }
        if (entry.direction() == Direction.CREDIT && !addsUp(entry)) {
            String reference = firstReference(entry.accountServicerReference(), entry.entryReference())
                    .orElseGet(() -> digest(entry, null, entry.amount(), entryCurrency, true));
            return List.of(new Part(null, entry.amount(), entryCurrency, reference));
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            Transaction transaction = transactions.get(i);
            BigDecimal amount = transaction.amount();
            String currency =
                    amount == null ? entryCurrency : Objects.requireNonNullElse(transaction.currency(), entryCurrency);
            parts.add(new Part(transaction, amount, currency, batchReference(entry, i, amount, currency)));
        }
        return parts;
    }

    /** Whether a batch's transactions all have amounts in the entry's currency that add up to the entry's amount. */
    private static boolean addsUp(Entry entry) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Transaction transaction : entry.transactions()) {
            if (transaction.amount() == null
                    || transaction.amount().signum() <= 0
                    || (transaction.currency() != null
                            && !transaction.currency().equals(entry.currency()))) {
                return false;
            }
            sum = sum.add(transaction.amount());
        }
        return sum.compareTo(entry.amount()) == 0;
    }

    private String batchReference(Entry entry, int position, @Nullable BigDecimal amount, String currency) {
        Transaction transaction = entry.transactions().get(position);
        Optional<String> own = reference(transaction.accountServicerReference());
        Optional<String> entryOwn = reference(entry.accountServicerReference());
        if (own.isPresent() && !own.equals(entryOwn) && isUniqueInEntry(entry, own.get())) {
            return own.get();
        }
        return firstReference(entry.accountServicerReference(), entry.entryReference())
                .map(reference -> reference + "/" + (position + 1))
                .orElseGet(() -> digest(entry, transaction, amount, currency, true));
    }

    private static boolean isUniqueInEntry(Entry entry, String reference) {
        return entry.transactions().stream()
                        .filter(t -> reference(t.accountServicerReference())
                                .map(reference::equals)
                                .orElse(false))
                        .count()
                == 1;
    }

    // --- rule 4: money in ---

    private Credit credit(Entry entry, Part part) {
        Transaction transaction = part.transaction();
        Optional<String> ours = namedInstruction(transaction);
        boolean comesBack = ours.isPresent() && transaction != null && (transaction.isReturn() || entry.reversal());
        LocalDate bookingDate = Objects.requireNonNull(dateOf(entry), "flaw() made an entry without a date Invalid");
        IncomingCredit credit = new IncomingCredit(
                id(CREDIT_PREFIX, part.bankReference()),
                CreditChannel.BANK_TRANSFER,
                Objects.requireNonNull(part.amount(), "a credit is split only when its transactions' amounts add up"),
                part.currency(),
                account,
                part.bankReference(),
                description(transaction),
                transaction == null ? null : first(transaction.structuredReferences()),
                transaction == null ? null : trimmed(transaction.debtorName()),
                transaction == null ? null : Iban.normalise(trimmed(transaction.debtorIban())),
                null,
                null,
                comesBack ? ours.get() : null,
                comesBack && transaction != null ? trimmed(transaction.returnReason()) : null,
                bookingDate,
                receivedAt(bookingDate),
                null);
        return new Credit(credit, transaction == null ? null : trimmed(transaction.returnReason()));
    }

    /**
     * A file says on which day the bank booked the money, not when: the start of that day (UTC) is the earliest it can
     * have arrived, so an investor who paid on the last day of the payment window is not refused for a time the bank
     * never gave. It is also the same instant every time the file is read, so a redelivery is decided alike.
     */
    private static Instant receivedAt(LocalDate bookingDate) {
        return bookingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    // --- rule 5: money out ---

    private EntryNotification debit(Entry entry, Part part) {
        Transaction transaction = part.transaction();
        String id = id(DEBIT_PREFIX, part.bankReference());
        LocalDate bookingDate = dateOf(entry);
        if (entry.reversal()) {
            return unexpected(
                    entry,
                    part,
                    "reverses an earlier credit (RvslInd); which credit it takes back is for ops to find"
                            + " with its bank reference");
        }
        Optional<String> ours = namedInstruction(transaction);
        if (ours.isPresent() && transaction != null && transaction.isReturn()) {
            return new InstructionReturned(
                    id,
                    part.bankReference(),
                    ours.get(),
                    returnReasonOf(transaction),
                    part.amount(),
                    part.currency(),
                    bookingDate);
        }
        if (ours.isPresent()) {
            return new InstructionExecuted(
                    id, part.bankReference(), ours.get(), part.amount(), part.currency(), bookingDate);
        }
        return unexpected(entry, part, whyUnexpected(entry, transaction));
    }

    private static String whyUnexpected(Entry entry, @Nullable Transaction transaction) {
        if (looksLikeCharges(entry.bankTransactionCode())) {
            return "looks like bank charges (code " + entry.bankTransactionCode() + ") and names none of our"
                    + " instructions";
        }
        if (transaction != null && transaction.isReturn()) {
            return "returns a payment (reason " + returnReasonOf(transaction) + ") that is none of our"
                    + " instructions";
        }
        Optional<String> named = transaction == null
                ? Optional.empty()
                : reference(transaction.endToEndId()).or(() -> reference(transaction.instructionId()));
        return named.map(reference -> "names '" + reference + "', which is none of our instruction ids ("
                        + IdPrefix.PAYMENT_INSTRUCTION.shape() + ")")
                .orElse("names none of our instructions (no end-to-end or instruction id)");
    }

    /** ISO 20022 charges sub-families ({@code …/CHRG}) and the MT940 charges and commission types. */
    /** The reason of a transaction that {@link Transaction#isReturn() is a return}, trimmed. */
    private static String returnReasonOf(Transaction transaction) {
        return Objects.requireNonNull(transaction.returnReason(), "a return has a reason")
                .trim();
    }

    private static boolean looksLikeCharges(@Nullable String bankTransactionCode) {
        if (bankTransactionCode == null) {
            return false;
        }
        return Arrays.stream(bankTransactionCode.toUpperCase(Locale.ROOT).split("/"))
                .map(String::trim)
                .anyMatch(code -> code.equals("CHRG") || code.equals("NCHG") || code.equals("NCOM"));
    }

    private UnexpectedDebit unexpected(Entry entry, Part part, String why) {
        Transaction transaction = part.transaction();
        StringBuilder detail = new StringBuilder("DEBIT of ")
                .append(
                        part.amount() == null
                                ? "a part of batch entry of " + entry.amount().toPlainString() + " " + entry.currency()
                                : part.amount().toPlainString() + " " + part.currency())
                .append(" booked ")
                .append(dateOf(entry))
                .append(" (bank reference ")
                .append(part.bankReference());
        if (transaction != null && (transaction.creditorName() != null || transaction.creditorIban() != null)) {
            detail.append(", to ")
                    .append(Stream.of(trimmed(transaction.creditorName()), trimmed(transaction.creditorIban()))
                            .filter(Objects::nonNull)
                            .collect(Collectors.joining(" ")));
        }
        quotedText(entry, transaction)
                .ifPresent(text -> detail.append(", \"").append(text).append('"'));
        detail.append(", ").append(context.describe()).append(") ").append(why).append("; ops decide");
        return new UnexpectedDebit(
                id(DEBIT_PREFIX, part.bankReference()),
                part.bankReference(),
                part.amount(),
                part.currency(),
                dateOf(entry),
                detail.toString());
    }

    private static Optional<String> quotedText(Entry entry, @Nullable Transaction transaction) {
        String text = Stream.of(
                        description(transaction),
                        transaction == null ? null : trimmed(transaction.additionalInfo()),
                        trimmed(entry.additionalInfo()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(text.length() <= MAX_QUOTED_TEXT ? text : text.substring(0, MAX_QUOTED_TEXT) + "…");
    }

    // --- rules 1 and 2: not booked, not money ---

    private NotBooked notBooked(Entry entry) {
        String reference = firstReference(entry.accountServicerReference(), entry.entryReference())
                .orElseGet(() -> digest(entry, null, entry.amount(), entry.currency(), false));
        String status = entry.status().trim();
        return new NotBooked(
                id(NOT_BOOKED_PREFIX, reference),
                reference,
                entry.direction(),
                entry.amount(),
                entry.currency(),
                status,
                "Entry " + (entry.index() + 1) + " of " + context.describe() + " (" + entry.direction() + " of "
                        + entry.amount().toPlainString() + " " + entry.currency() + ", bank reference " + reference
                        + ") is " + status + ", not booked: reported, never decided, because money the bank has"
                        + " not booked has not moved");
    }

    private static Optional<String> flaw(Entry entry) {
        String entryCurrency = entry.currency();
        if (entryCurrency == null || !Amounts.isKnownCurrency(entryCurrency)) {
            return Optional.of("currency '" + entryCurrency + "' is no ISO 4217 code");
        }
        Optional<String> amountFlaw = amountFlaw(entry.amount(), entryCurrency);
        if (amountFlaw.isPresent()) {
            return amountFlaw;
        }
        for (Transaction transaction : entry.transactions()) {
            if (transaction.amount() != null) {
                String currency = Objects.requireNonNullElse(transaction.currency(), entryCurrency);
                if (!Amounts.isKnownCurrency(currency)) {
                    return Optional.of("a transaction's currency '" + currency + "' is no ISO 4217 code");
                }
                Optional<String> transactionFlaw = amountFlaw(transaction.amount(), currency);
                if (transactionFlaw.isPresent()) {
                    return Optional.of("a transaction's " + transactionFlaw.get());
                }
            }
        }
        if (dateOf(entry) == null) {
            return Optional.of("booked without a booking or value date");
        }
        return Optional.empty();
    }

    private static Optional<String> amountFlaw(BigDecimal amount, String currency) {
        int digits = Amounts.minorDigits(currency);
        return Amounts.isPositiveWithAtMost(amount, digits)
                ? Optional.empty()
                : Optional.of("amount " + amount.toPlainString() + " " + currency + " is not greater than 0, at most "
                        + Amounts.MAX.toPlainString() + " and with at most " + digits + " decimals");
    }

    // --- references, digests and ids ---

    /** The first of the bank's references given that is one (trimmed, not blank, not a placeholder). */
    private static Optional<String> firstReference(@Nullable String... candidates) {
        return Arrays.stream(candidates)
                .map(EntryNotifications::reference)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> reference(@Nullable String candidate) {
        String value = trimmed(candidate);
        return value == null || NO_REFERENCE.contains(value.toUpperCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of(value);
    }

    /** The entry's own reference as a whole, for an outcome that stands for the entry. */
    private String entryReference(Entry entry) {
        return firstReference(entry.accountServicerReference(), entry.entryReference())
                .orElseGet(() -> digest(entry, null, entry.amount(), entry.currency(), false));
    }

    /**
     * {@code SHA:} + the hex SHA-256 of what identifies a booking without a reference. Amounts by value ({@code 10.0}
     * and {@code 10.00} are one amount), IBANs in electronic format, text trimmed with runs of blanks as one space:
     * the same booking written by two messages of one bank gives one digest. Numbered when {@code counted} and handed
     * out before in this statement.
     */
    private String digest(
            Entry entry,
            @Nullable Transaction transaction,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            boolean counted) {
        boolean credit = entry.direction() == Direction.CREDIT;
        String counterpartyIban = transaction == null
                ? null
                : Iban.normalise(trimmed(credit ? transaction.debtorIban() : transaction.creditorIban()));
        String counterpartyName =
                transaction == null ? null : collapsed(credit ? transaction.debtorName() : transaction.creditorName());
        String remittance = transaction == null
                ? null
                : Stream.concat(
                                Stream.ofNullable(description(transaction)),
                                transaction.structuredReferences().stream().map(EntryNotifications::trimmed))
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(" "));
        String digest = DIGEST_PREFIX
                + HexFormat.of()
                        .formatHex(sha256(
                                account,
                                entry.direction().name(),
                                String.valueOf(dateOf(entry)),
                                amount == null
                                        ? ""
                                        : amount.stripTrailingZeros().toPlainString(),
                                currency,
                                counterpartyIban,
                                counterpartyName,
                                collapsed(remittance)));
        if (!counted) {
            return digest;
        }
        int occurrence = digestsHandedOut.merge(digest, 1, Integer::sum);
        return occurrence == 1 ? digest : digest + "/" + occurrence;
    }

    private String id(String prefix, String bankReference) {
        byte[] hash = sha256(prefix, account, bankReference);
        return prefix + base32(Arrays.copyOf(hash, ID_BYTES));
    }

    /** The SHA-256 of the fields, each told apart from the next by a separator no bank text holds. */
    private static byte[] sha256(@Nullable String... fields) {
        String joined = Arrays.stream(fields)
                .map(field -> field == null ? "" : field)
                .collect(Collectors.joining(String.valueOf(FIELD_SEPARATOR)));
        try {
            return MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * RFC 4648 base32 (upper case, no padding) of a multiple of 5 bytes. The JDK has none, and these few lines spare a
     * dependency in a package that is plain Java.
     */
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
        for (int i = 0; i < bytes.length; i += 5) {
            long group = 0;
            for (int j = 0; j < 5; j++) {
                group = (group << 8) | (bytes[i + j] & 0xFF);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                out.append(BASE32[(int) ((group >>> shift) & 0x1F)]);
            }
        }
        return out.toString();
    }

    // --- text ---

    /** The unstructured remittance lines, each trimmed, blank ones left out, joined with one space; null if none. */
    private static @Nullable String description(@Nullable Transaction transaction) {
        if (transaction == null) {
            return null;
        }
        String joined = transaction.unstructured().stream()
                .map(EntryNotifications::trimmed)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** The first of the references that is not blank, trimmed; null if none. */
    private static @Nullable String first(List<String> references) {
        return references.stream()
                .map(EntryNotifications::trimmed)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The instruction of ours the transaction names: its end-to-end id, else its instruction id, if well-formed. */
    private static Optional<String> namedInstruction(@Nullable Transaction transaction) {
        if (transaction == null) {
            return Optional.empty();
        }
        return Stream.of(trimmed(transaction.endToEndId()), trimmed(transaction.instructionId()))
                .filter(IdPrefix.PAYMENT_INSTRUCTION::isWellFormed)
                .findFirst();
    }

    private static @Nullable String trimmed(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static @Nullable String collapsed(@Nullable String value) {
        String trimmed = trimmed(value);
        return trimmed == null ? null : trimmed.replaceAll("\\s+", " ");
    }
}
