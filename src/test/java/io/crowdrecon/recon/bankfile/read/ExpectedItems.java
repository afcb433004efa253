package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.Balance;
import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankFileItem.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builders of the items a test expects, every field named, so that a table of expectations reads like the file. */
final class ExpectedItems {

    private ExpectedItems() {}

    static FileHeader header(BankFileFormat format, String version, String messageId, String createdAt) {
        return new FileHeader(format, version, messageId, instant(createdAt));
    }

    static Balance balance(String amount, String currency, String date) {
        return new Balance(new BigDecimal(amount), currency, date(date));
    }

    static StatementEnd end(Balance closing, Balance closingAvailable) {
        return new StatementEnd(closing, closingAvailable);
    }

    static Start start(String statementId) {
        return new Start(statementId);
    }

    static Ntry credit(int index, String amount, String currency) {
        return new Ntry(index, Direction.CREDIT, amount, currency);
    }

    static Ntry debit(int index, String amount, String currency) {
        return new Ntry(index, Direction.DEBIT, amount, currency);
    }

    static Tx tx() {
        return new Tx();
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** A {@link StatementStart}, its fields null until set. */
    static final class Start {
        private final String statementId;
        private String iban;
        private String other;
        private String currency;
        private Long sequence;
        private Long legalSequence;
        private Integer page;
        private String from;
        private String to;
        private String createdAt;
        private Balance opening;
        private Long declaredEntries;
        private String declaredSum;

        private Start(String statementId) {
            this.statementId = statementId;
        }

        Start iban(String value) {
            iban = value;
            return this;
        }

        Start other(String value) {
            other = value;
            return this;
        }

        Start currency(String value) {
            currency = value;
            return this;
        }

        Start sequence(long value) {
            sequence = value;
            return this;
        }

        Start legalSequence(long value) {
            legalSequence = value;
            return this;
        }

        Start page(int value) {
            page = value;
            return this;
        }

        Start period(String fromDate, String toDate) {
            from = fromDate;
            to = toDate;
            return this;
        }

        Start createdAt(String value) {
            createdAt = value;
            return this;
        }

        Start opening(Balance value) {
            opening = value;
            return this;
        }

        Start declared(long entries, String sum) {
            declaredEntries = entries;
            declaredSum = sum;
            return this;
        }

        StatementStart build() {
            return new StatementStart(
                    statementId,
                    iban,
                    other,
                    currency,
                    sequence,
                    legalSequence,
                    page,
                    date(from),
                    date(to),
                    instant(createdAt),
                    opening,
                    declaredEntries,
                    declaredSum == null ? null : new BigDecimal(declaredSum));
        }
    }

    /** An {@link Entry}: not reversed, status {@code BOOK}, everything else null or empty until set. */
    static final class Ntry {
        private final int index;
        private final Direction direction;
        private final String amount;
        private final String currency;
        private boolean reversal;
        private String status = "BOOK";
        private String bookingDate;
        private String valueDate;
        private String servicerReference;
        private String entryReference;
        private String code;
        private String info;
        private final List<Transaction> transactions = new ArrayList<>();

        private Ntry(int index, Direction direction, String amount, String currency) {
            this.index = index;
            this.direction = direction;
            this.amount = amount;
            this.currency = currency;
        }

        Ntry reversal() {
            reversal = true;
            return this;
        }

        Ntry status(String value) {
            status = value;
            return this;
        }

        Ntry booked(String date) {
            bookingDate = date;
            return this;
        }

        Ntry valued(String date) {
            valueDate = date;
            return this;
        }

        Ntry on(String date) {
            return booked(date).valued(date);
        }

        Ntry servicerRef(String value) {
            servicerReference = value;
            return this;
        }

        Ntry entryRef(String value) {
            entryReference = value;
            return this;
        }

        Ntry code(String value) {
            code = value;
            return this;
        }

        Ntry info(String value) {
            info = value;
            return this;
        }

        Ntry with(Tx transaction) {
            transactions.add(transaction.build());
            return this;
        }

        Entry build() {
            return new Entry(
                    index,
                    direction,
                    reversal,
                    new BigDecimal(amount),
                    currency,
                    status,
                    date(bookingDate),
                    date(valueDate),
                    servicerReference,
                    entryReference,
                    code,
                    info,
                    transactions);
        }
    }

    /** A {@link Transaction}, everything null or empty until set. */
    static final class Tx {
        private String amount;
        private String currency;
        private String servicerReference;
        private String endToEndId;
        private String instructionId;
        private String transactionId;
        private String debtorName;
        private String debtorIban;
        private String creditorName;
        private String creditorIban;
        private final List<String> unstructured = new ArrayList<>();
        private final List<String> structured = new ArrayList<>();
        private String returnReason;
        private String info;

        Tx amount(String value, String code) {
            amount = value;
            currency = code;
            return this;
        }

        Tx servicerRef(String value) {
            servicerReference = value;
            return this;
        }

        Tx endToEnd(String value) {
            endToEndId = value;
            return this;
        }

        Tx instruction(String value) {
            instructionId = value;
            return this;
        }

        Tx transaction(String value) {
            transactionId = value;
            return this;
        }

        Tx debtor(String name, String iban) {
            debtorName = name;
            debtorIban = iban;
            return this;
        }

        Tx creditor(String name, String iban) {
            creditorName = name;
            creditorIban = iban;
            return this;
        }

        Tx ustrd(String... lines) {
            unstructured.addAll(List.of(lines));
            return this;
        }

        Tx ref(String... references) {
            structured.addAll(List.of(references));
            return this;
        }

        Tx returned(String reason) {
            returnReason = reason;
            return this;
        }

        Tx info(String value) {
            info = value;
            return this;
        }

        Transaction build() {
            return new Transaction(
                    amount == null ? null : new BigDecimal(amount),
                    currency,
                    servicerReference,
                    endToEndId,
                    instructionId,
                    transactionId,
                    debtorName,
                    debtorIban,
                    creditorName,
                    creditorIban,
                    unstructured,
                    structured,
                    returnReason,
                    info);
        }
    }
}
