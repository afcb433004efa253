package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.Balance;
import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankFileItem.Transaction;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import io.crowdrecon.recon.bankfile.read.Mt940Fields.EndOfInput;
import io.crowdrecon.recon.bankfile.read.Mt940Fields.Field;
import io.crowdrecon.recon.bankfile.read.Mt940Fields.MessageEnd;
import io.crowdrecon.recon.bankfile.read.Mt940Fields.Token;
import io.crowdrecon.recon.bankfile.read.Mt940Values.Account;
import io.crowdrecon.recon.bankfile.read.Mt940Values.StatementLine;
import io.crowdrecon.recon.bankfile.read.Mt940Values.StatementNumber;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file of SWIFT MT940 customer statements, streaming: the lines are grouped into fields and the fields into
 * items one statement line ({@code :61:} with its {@code :86:}) at a time, so a statement of any length costs the
 * memory of one entry.
 *
 * <p>Each message (statement or page of one) becomes a {@link StatementStart} ({@code :20:}, {@code :25:},
 * {@code :28C:}, {@code :60F:}/{@code :60M:}), an {@link Entry} per {@code :61:} and a {@link StatementEnd}
 * ({@code :62F:}/{@code :62M:}, {@code :64:}), after one {@link FileHeader} whose message id is the first
 * {@code :20:}. {@code :21:}, {@code :65:} and the statement's own {@code :86:} after its closing balance are read
 * past. What {@code :86:} says is read by {@link Mt940Information}.
 *
 * <p>{@link BankFileItems#next()} throws {@link UnreadableBankFileException} naming the statement and the line at the
 * first thing that is no MT940: a missing {@code :20:}, {@code :25:}, {@code :60F:} or {@code :62F:}, a malformed
 * field, an amount with more decimals than its currency has, a message cut short. An input that cannot be read at all
 * throws {@link UncheckedIOException}: that is no fault of the file.
 */
public final class Mt940Reader {

    /** What an entry's status is in MT940: a statement only carries booked entries. */
    static final String BOOKED = "BOOK";

    // The reference for the account owner SWIFT prescribes when there is none.
    private static final String NO_REFERENCE = "NONREF";

    private static final Set<String> MT942_TAGS = Set.of("13D", "34F", "90C", "90D");

    /**
     * The items of the MT940 file {@code in}, read as they are asked for; closing them closes {@code in}.
     *
     * @param in the whole file from its first byte (UTF-8 or ISO-8859-1, CR LF or LF line ends)
     */
    public BankFileItems open(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new Items(new Mt940Fields(new Mt940Lines(in)));
    }

    private enum State {
        FIRST,
        BETWEEN,
        ENTRIES,
        CLOSED,
        DONE
    }

    private static final class Items implements BankFileItems {

        private final Mt940Fields fields;
        private State state = State.FIRST;
        private @Nullable Token pushedBack;
        private @Nullable BankFileItem ready;
        private @Nullable UnreadableBankFileException failure;
        private @Nullable StatementStart startAfterHeader;

        private int statements;
        private @Nullable String statementId;
        private @Nullable String currency;
        private int entryIndex;
        private @Nullable Balance closing;
        private @Nullable Balance closingAvailable;

        Items(Mt940Fields fields) {
            this.fields = fields;
        }

        @Override
        public boolean hasNext() {
            if (ready == null && failure == null && state != State.DONE) {
                try {
                    ready = read();
                } catch (Mt940Problem problem) {
                    failure = unreadable(problem);
                    state = State.DONE;
                }
            }
            return ready != null || failure != null;
        }

        @Override
        public BankFileItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (failure != null) {
                UnreadableBankFileException thrown = failure;
                failure = null;
                throw thrown;
            }
            BankFileItem item = Objects.requireNonNull(ready, "hasNext() read it, and there was no failure");
            ready = null;
            return item;
        }

        @Override
        public void close() {
            state = State.DONE;
            ready = null;
            failure = null;
            fields.close();
        }

        /** The next item, or null when the file is read to its end. */
        private @Nullable BankFileItem read() {
            if (startAfterHeader != null) {
                StatementStart start = startAfterHeader;
                startAfterHeader = null;
                return start;
            }
            return switch (state) {
                case FIRST -> readFileHeader();
                case BETWEEN -> readNextStatement();
                case ENTRIES -> readEntryOrClosing();
                case CLOSED -> readStatementEnd();
                case DONE -> null;
            };
        }

        private BankFileItem readFileHeader() {
            Token token = nextSkippingMessageEnds();
            if (token instanceof EndOfInput end) {
                throw new Mt940Problem(end.line(), "the input holds no MT940 statement");
            }
            startAfterHeader = readStatementStart(requireStatementReference((Field) token));
            state = State.ENTRIES;
            return new FileHeader(BankFileFormat.MT940, null, startAfterHeader.statementId(), null);
        }

        private @Nullable BankFileItem readNextStatement() {
            Token token = nextSkippingMessageEnds();
            if (token instanceof EndOfInput) {
                state = State.DONE;
                return null;
            }
            StatementStart start = readStatementStart(requireStatementReference((Field) token));
            state = State.ENTRIES;
            return start;
        }

        private Field requireStatementReference(Field field) {
            if (!field.tag().equals("20")) {
                statementId = null;
                statements++;
                throw new Mt940Problem(
                        field.line(), "the statement starts with :" + field.tag() + ": instead of its reference :20:");
            }
            return field;
        }

        /** From the {@code :20:} on, the fields up to the opening balance. */
        private StatementStart readStatementStart(Field reference) {
            statements++;
            statementId = null;
            String id = reference.firstLine();
            if (id.isEmpty()) {
                throw new Mt940Problem(reference.line(), ":20: is empty");
            }
            statementId = id;
            currency = null;
            entryIndex = 0;
            closing = null;
            closingAvailable = null;
            Account account = null;
            StatementNumber number = null;
            while (true) {
                Token token = nextToken();
                if (!(token instanceof Field field)) {
                    throw new Mt940Problem(
                            lineOf(token),
                            (account == null ? "no account :25:" : "no opening balance :60F:")
                                    + " before the statement ends");
                }
                switch (field.tag()) {
                    case "21" -> {
                        // The related reference: nothing a statement needs.
                    }
                    case "25", "25P" -> {
                        if (account != null) {
                            throw new Mt940Problem(field.line(), "a second account :" + field.tag() + ":");
                        }
                        account = Mt940Values.account(field);
                    }
                    case "28C", "28" -> number = Mt940Values.statementNumber(field);
                    case "60F", "60M" -> {
                        if (account == null) {
                            throw new Mt940Problem(field.line(), "no account :25: before the opening balance");
                        }
                        Balance opening = Mt940Values.balance(field);
                        currency = opening.currency();
                        return new StatementStart(
                                statementId,
                                account.iban(),
                                account.other(),
                                currency,
                                number == null ? null : number.sequence(),
                                null,
                                number == null ? null : number.page(),
                                null,
                                null,
                                null,
                                opening,
                                null,
                                null);
                    }
                    default ->
                        throw unexpected(
                                field,
                                account == null ? "no account :25: before %s" : "no opening balance :60F: before %s");
                }
            }
        }

        private BankFileItem readEntryOrClosing() {
            Token token = nextToken();
            if (!(token instanceof Field field)) {
                throw new Mt940Problem(
                        lineOf(token),
                        "no closing balance :62F: before the "
                                + (token instanceof EndOfInput ? "input ends (truncated?)" : "statement ends"));
            }
            switch (field.tag()) {
                case "61" -> {
                    return readEntry(field);
                }
                case "62F", "62M" -> {
                    closing = balanceInStatementCurrency(field);
                    state = State.CLOSED;
                    return readStatementEnd();
                }
                case "86" -> throw new Mt940Problem(field.line(), ":86: follows no statement line :61:");
                case "20" ->
                    throw new Mt940Problem(field.line(), "no closing balance :62F: before the next statement's :20:");
                default -> throw unexpected(field, "%s among the statement lines");
            }
        }

        private Entry readEntry(Field statementLine) {
            // The opening balance :60F: set the currency before the statement's first entry.
            StatementLine line = Mt940Values.statementLine(
                    statementLine, Objects.requireNonNull(currency, "the opening balance gives the currency"));
            Token after = nextToken();
            List<String> information = null;
            if (after instanceof Field field && field.tag().equals("86")) {
                information = field.lines();
            } else {
                pushedBack = after;
            }
            Mt940Information info = Mt940Information.read(information, line.direction());
            String transactionCode = info.transactionCode() == null
                    ? line.transactionType()
                    : line.transactionType() + "/" + info.transactionCode();
            Transaction transaction = new Transaction(
                    null,
                    null,
                    null,
                    info.endToEndId(),
                    NO_REFERENCE.equals(line.ownerReference()) ? null : line.ownerReference(),
                    null,
                    info.debtorName(),
                    info.debtorIban(),
                    info.creditorName(),
                    info.creditorIban(),
                    info.unstructured(),
                    info.structuredReferences(),
                    info.returnReason(),
                    line.supplementaryDetails());
            return new Entry(
                    entryIndex++,
                    line.direction(),
                    line.reversal(),
                    line.amount(),
                    currency,
                    BOOKED,
                    line.entryDate() != null ? line.entryDate() : line.valueDate(),
                    line.valueDate(),
                    line.bankReference(),
                    null,
                    transactionCode,
                    info.bookingText(),
                    List.of(transaction));
        }

        /** After the closing balance: {@code :64:}, {@code :65:} and {@code :86:} up to the end of the message. */
        private BankFileItem readStatementEnd() {
            while (true) {
                Token token = nextToken();
                if (token instanceof Field field) {
                    switch (field.tag()) {
                        case "64" -> closingAvailable = balanceInStatementCurrency(field);
                        case "65", "86" -> {
                            // Forward available balances, and information on the statement as a whole.
                        }
                        case "20" -> {
                            pushedBack = field;
                            return statementEnd();
                        }
                        default ->
                            throw unexpected(field, "%s after the closing balance (a new statement begins with :20:)");
                    }
                } else if (token instanceof EndOfInput end && end.insideTextBlock()) {
                    throw new Mt940Problem(end.line(), "the input ends inside the message's text block {4: (no -})");
                } else {
                    pushedBack = token;
                    return statementEnd();
                }
            }
        }

        private StatementEnd statementEnd() {
            state = State.BETWEEN;
            return new StatementEnd(closing, closingAvailable);
        }

        private Balance balanceInStatementCurrency(Field field) {
            Balance balance = Mt940Values.balance(field);
            if (!balance.currency().equals(currency)) {
                throw new Mt940Problem(
                        field.line(),
                        ":" + field.tag() + ": is in " + balance.currency() + ", the opening balance in " + currency);
            }
            return balance;
        }

        /** A field out of place; {@code why} has a {@code %s} for the field's tag. */
        private Mt940Problem unexpected(Field field, String why) {
            if (MT942_TAGS.contains(field.tag())) {
                return new Mt940Problem(
                        field.line(),
                        ":" + field.tag() + ": belongs to an MT942 interim report, not an MT940 statement");
            }
            return new Mt940Problem(field.line(), String.format(why, ":" + field.tag() + ":"));
        }

        private Token nextSkippingMessageEnds() {
            Token token = nextToken();
            while (token instanceof MessageEnd) {
                token = nextToken();
            }
            return token;
        }

        private Token nextToken() {
            if (pushedBack != null) {
                Token token = pushedBack;
                pushedBack = null;
                return token;
            }
            return fields.next();
        }

        private static int lineOf(Token token) {
            if (token instanceof Field field) {
                return field.line();
            }
            if (token instanceof MessageEnd end) {
                return end.line();
            }
            return ((EndOfInput) token).line();
        }

        private UnreadableBankFileException unreadable(Mt940Problem problem) {
            String statement = statements == 0
                    ? "MT940"
                    : "MT940 statement " + statements + (statementId == null ? "" : " (:20: " + statementId + ")");
            return new UnreadableBankFileException(statement + ", line " + problem.line() + ": " + problem.reason());
        }
    }
}
