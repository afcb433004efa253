package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.Balance;
import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankFileItem.Transaction;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One camt document being read: a pull iterator over its items, built from the XML stream element by element. It holds
 * the current statement's header and at most one entry (with its transactions); nothing else of the file.
 *
 * <p>Elements are read by local name within their parent, whatever their namespace prefix and order, so that the
 * versions' differences ({@code Sts} a code or {@code Sts/Cd}; {@code Dbtr/Nm} or {@code Dbtr/Pty/Nm}), optional
 * wrappers and extensions ({@code SplmtryData}, {@code Prtry}) need no version switch: what is not read is skipped. The
 * one order that matters is the schema's own: a statement's header and balances before its first {@code Ntry}, because
 * the {@link StatementStart} goes out before the entries.
 */
final class CamtItems extends XmlItems {

    private final CamtMessage message;

    private String context;
    private @Nullable Integer messagePage;
    private int statementCount;
    private @Nullable Statement statement;
    private int entryIndex = -1;

    private CamtItems(XmlCursor xml, InputStream input, CamtMessage message) {
        super(xml, input);
        this.message = message;
        this.context = message.messageElement();
    }

    /**
     * Reads up to the end of the group header: which message and version, and the {@link FileHeader}.
     *
     * @throws UnreadableBankFileException if it is no camt message crowdrecon reads, or not well-formed so far; the
     *     input is then closed
     */
    static BankFileItems open(InputStream in) {
        XmlCursor xml = XmlCursor.over(in);
        try {
            xml.toRoot();
            if ("Document".equals(xml.localName()) && !xml.nextChild()) {
                throw new UnreadableBankFileException("the XML Document is empty: expected a camt message in it");
            }
            if (Pain002Items.isPain002(xml.namespace())) {
                // The bank's answer to a payment file comes in by the same door as its statements.
                return Pain002Items.at(xml, in);
            }
            CamtItems items = new CamtItems(xml, in, CamtMessage.of(xml.namespace(), xml.localName()));
            items.ready.add(items.readGroupHeader());
            return items;
        } catch (RuntimeException e) {
            xml.close();
            closeQuietly(in);
            throw e;
        }
    }

    private FileHeader readGroupHeader() {
        if (!xml.nextChild() || !"GrpHdr".equals(xml.localName())) {
            throw fail("GrpHdr is missing (it comes first)");
        }
        context = "GrpHdr";
        int line = xml.line();
        String messageId = null;
        Instant createdAt = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "MsgId" -> messageId = xml.text();
                case "CreDtTm" -> createdAt = value("CreDtTm", CamtValues::instant);
                case "MsgPgntn" -> messagePage = readPageNumber();
                default -> xml.skip();
            }
        }
        if (messageId == null) {
            throw failAt(line, "MsgId is missing");
        }
        context = message.messageElement();
        return new FileHeader(message.format(), message.version(), messageId, createdAt);
    }

    // One step: the next statement's start, an entry, or a statement's end; or the document's end.
    @Override
    void step() {
        if (statement != null) {
            continueStatement();
            return;
        }
        while (xml.nextChild()) {
            if (message.statementElement().equals(xml.localName())) {
                statementCount++;
                statement = new Statement(xml.line());
                context = message.statementElement() + " " + statementCount;
                continueStatement();
                return;
            }
            xml.skip(); // SplmtryData, or anything a later version adds
        }
        if (statementCount == 0) {
            throw fail("no " + message.statementElement() + " in the message");
        }
        xml.toEnd();
        finished = true;
    }

    // step() opens a statement before any of its parts is read, and clears it once its end went out.
    private Statement statement() {
        return Objects.requireNonNull(statement, "a statement is being read");
    }

    private void continueStatement() {
        while (xml.nextChild()) {
            if ("Ntry".equals(xml.localName())) {
                if (!statement().started) {
                    ready.add(statement().start());
                }
                ready.add(readEntry(statement().entries++));
                return;
            }
            readStatementPart(xml.localName());
        }
        if (!statement().started) {
            ready.add(statement().start());
        }
        ready.add(new StatementEnd(statement().closing, statement().closingAvailable));
        statement = null;
        context = message.messageElement();
    }

    private void readStatementPart(String name) {
        switch (name) {
            case "Id" -> {
                beforeEntries(name);
                statement().id = xml.text();
                context = message.statementElement() + " " + statementCount + " (Id " + CamtValues.echo(statement().id)
                        + ")";
            }
            case "StmtPgntn", "RptPgntn", "NtfctnPgntn" -> {
                beforeEntries(name);
                statement().page = readPageNumber();
            }
            case "ElctrncSeqNb" -> {
                beforeEntries(name);
                statement().sequenceNumber = value(name, CamtValues::whole);
            }
            case "LglSeqNb" -> {
                beforeEntries(name);
                statement().legalSequenceNumber = value(name, CamtValues::whole);
            }
            case "CreDtTm" -> {
                beforeEntries(name);
                statement().createdAt = value(name, CamtValues::instant);
            }
            case "FrToDt" -> {
                beforeEntries(name);
                readPeriod();
            }
            case "Acct" -> {
                beforeEntries(name);
                readStatementAccount();
            }
            case "Bal" -> readBalance();
            case "TxsSummry" -> {
                beforeEntries(name);
                readSummary();
            }
            default -> xml.skip();
        }
    }

    // The start goes out at the first Ntry: what belongs in it cannot come after.
    private void beforeEntries(String name) {
        if (statement().started) {
            throw fail(name + " comes after the first Ntry; a " + message.statementElement()
                    + "'s header, opening balance and TxsSummry come before its entries");
        }
    }

    private @Nullable Integer readPageNumber() {
        Integer page = null;
        while (xml.nextChild()) {
            if ("PgNb".equals(xml.localName())) {
                page = value("PgNb", CamtValues::pageNumber);
            } else {
                xml.skip();
            }
        }
        return page;
    }

    private void readPeriod() {
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "FrDtTm" -> statement().fromDate = value("FrToDt/FrDtTm", CamtValues::dateOfDateTime);
                case "ToDtTm" -> statement().toDate = value("FrToDt/ToDtTm", CamtValues::dateOfDateTime);
                default -> xml.skip();
            }
        }
    }

    private void readStatementAccount() {
        statement().accountSeen = true;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Id" -> {
                    AccountId id = readAccountId();
                    statement().accountIban = id.iban();
                    statement().accountOther = id.other();
                }
                case "Ccy" -> statement().accountCurrency = value("Acct/Ccy", CamtValues::currency);
                default -> xml.skip();
            }
        }
    }

    // Acct/Id, DbtrAcct/Id, CdtrAcct/Id: an AccountIdentification4Choice, IBAN or Othr/Id, the same in every version.
    private AccountId readAccountId() {
        String iban = null;
        String other = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "IBAN" -> iban = xml.text();
                case "Othr" -> {
                    while (xml.nextChild()) {
                        if ("Id".equals(xml.localName())) {
                            other = xml.text();
                        } else {
                            xml.skip();
                        }
                    }
                }
                default -> xml.skip();
            }
        }
        return new AccountId(iban, other);
    }

    private void readBalance() {
        int line = xml.line();
        String type = null;
        String amountText = null;
        String currency = null;
        String indicator = null;
        LocalDate date = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Tp" -> type = readBalanceType();
                case "Amt" -> {
                    currency = xml.attribute("Ccy");
                    amountText = xml.text();
                }
                case "CdtDbtInd" -> indicator = xml.text();
                case "Dt" -> date = readDateChoice("Bal/Dt");
                default -> xml.skip();
            }
        }
        String label = "Bal" + (type == null ? "" : " " + type);
        if (amountText == null) {
            throw failAt(line, label + ": Amt is missing");
        }
        BigDecimal amount = checked(line, label + "/Amt", amountText, currency);
        Direction direction = direction(line, label, indicator);
        Balance balance = new Balance(
                direction == Direction.DEBIT ? amount.negate() : amount,
                Objects.requireNonNull(currency, "checked() refuses an amount without Ccy"),
                date);
        if (type == null) {
            return; // a proprietary balance type: nothing crowdrecon reads
        }
        switch (type) {
            case "OPBD", "PRCD" -> {
                if (statement().started) {
                    throw failAt(line, label + " comes after the first Ntry; opening balances come before the entries");
                }
                if ("OPBD".equals(type) && statement().openingBooked == null) {
                    statement().openingBooked = balance;
                } else if ("PRCD".equals(type) && statement().previouslyClosed == null) {
                    statement().previouslyClosed = balance;
                }
            }
            case "CLBD" -> {
                if (statement().closing == null) {
                    statement().closing = balance;
                }
            }
            case "CLAV" -> {
                if (statement().closingAvailable == null) {
                    statement().closingAvailable = balance;
                }
            }
            default -> {
                // ITBD, ITAV, FWAV, …: intraday and forecast balances are not reconciled
            }
        }
    }

    // Bal/Tp/CdOrPrtry/Cd in every version; a Prtry type is not one of the codes read.
    private @Nullable String readBalanceType() {
        String code = null;
        while (xml.nextChild()) {
            if ("CdOrPrtry".equals(xml.localName())) {
                while (xml.nextChild()) {
                    if ("Cd".equals(xml.localName())) {
                        code = xml.text();
                    } else {
                        xml.skip();
                    }
                }
            } else {
                xml.skip();
            }
        }
        return code;
    }

    private void readSummary() {
        while (xml.nextChild()) {
            if ("TtlNtries".equals(xml.localName())) {
                while (xml.nextChild()) {
                    switch (xml.localName()) {
                        case "NbOfNtries" ->
                            statement().declaredEntries = value("TxsSummry/TtlNtries/NbOfNtries", CamtValues::whole);
                        case "Sum" -> statement().declaredSum = value("TxsSummry/TtlNtries/Sum", CamtValues::decimal);
                        default -> xml.skip();
                    }
                }
            } else {
                xml.skip();
            }
        }
    }

    private Entry readEntry(int index) {
        entryIndex = index;
        int line = xml.line();
        String entryReference = null;
        String amountText = null;
        String currency = null;
        String indicator = null;
        boolean reversal = false;
        String status = null;
        LocalDate bookingDate = null;
        LocalDate valueDate = null;
        String servicerReference = null;
        String transactionCode = null;
        String additionalInfo = null;
        List<Transaction> transactions = new ArrayList<>();
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "NtryRef" -> entryReference = xml.text();
                case "Amt" -> {
                    currency = xml.attribute("Ccy");
                    amountText = xml.text();
                }
                case "CdtDbtInd" -> indicator = xml.text();
                case "RvslInd" -> reversal = value("RvslInd", CamtValues::bool);
                case "Sts" -> status = xml.code(); // a code up to .06, Sts/Cd (or Sts/Prtry) from .07
                case "BookgDt" -> bookingDate = readDateChoice("BookgDt");
                case "ValDt" -> valueDate = readDateChoice("ValDt");
                case "AcctSvcrRef" -> servicerReference = xml.text();
                case "BkTxCd" -> transactionCode = readBankTransactionCode();
                case "NtryDtls" -> readEntryDetails(transactions);
                case "AddtlNtryInf" -> additionalInfo = xml.text();
                default -> xml.skip();
            }
        }
        if (amountText == null) {
            throw failAt(line, "Amt is missing");
        }
        BigDecimal amount = checked(line, "Amt", amountText, currency);
        Direction direction = direction(line, "Ntry", indicator);
        if (status == null) {
            throw failAt(line, "Sts is missing");
        }
        entryIndex = -1;
        return new Entry(
                index,
                direction,
                reversal,
                amount,
                currency,
                status,
                bookingDate,
                valueDate,
                servicerReference,
                entryReference,
                transactionCode,
                additionalInfo,
                transactions);
    }

    // BookgDt, ValDt, Bal/Dt: a choice of Dt (a date) and DtTm (a date and time, whose date is taken as written).
    private LocalDate readDateChoice(String name) {
        int line = xml.line();
        LocalDate date = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Dt" -> date = value(name + "/Dt", CamtValues::date);
                case "DtTm" -> date = value(name + "/DtTm", CamtValues::dateOfDateTime);
                default -> xml.skip();
            }
        }
        if (date == null) {
            throw failAt(line, name + " holds neither Dt nor DtTm");
        }
        return date;
    }

    // BkTxCd: the ISO domain code as DOMN/FMLY/SUBFMLY when complete, else the bank's Prtry/Cd.
    private @Nullable String readBankTransactionCode() {
        String domain = null;
        String family = null;
        String subFamily = null;
        String proprietary = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Domn" -> {
                    while (xml.nextChild()) {
                        switch (xml.localName()) {
                            case "Cd" -> domain = xml.text();
                            case "Fmly" -> {
                                while (xml.nextChild()) {
                                    switch (xml.localName()) {
                                        case "Cd" -> family = xml.text();
                                        case "SubFmlyCd" -> subFamily = xml.text();
                                        default -> xml.skip();
                                    }
                                }
                            }
                            default -> xml.skip();
                        }
                    }
                }
                case "Prtry" -> {
                    while (xml.nextChild()) {
                        if ("Cd".equals(xml.localName())) {
                            proprietary = xml.text();
                        } else {
                            xml.skip();
                        }
                    }
                }
                default -> xml.skip();
            }
        }
        if (domain != null && family != null && subFamily != null) {
            return domain + "/" + family + "/" + subFamily;
        }
        return proprietary;
    }

    // NtryDtls (one or several, each with an optional Btch) holds the TxDtls, in file order.
    private void readEntryDetails(List<Transaction> transactions) {
        while (xml.nextChild()) {
            if ("TxDtls".equals(xml.localName())) {
                transactions.add(readTransaction(transactions.size()));
            } else {
                xml.skip();
            }
        }
    }

    private Transaction readTransaction(int position) {
        String label = "TxDtls " + (position + 1);
        TransactionParts tx = new TransactionParts();
        String amountText = null;
        String currency = null;
        int amountLine = 0;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Refs" -> readReferences(tx);
                case "Amt" -> { // from .03; AmtDtls/TxAmt/Amt, when given, is read in its place
                    if (amountText == null) {
                        amountLine = xml.line();
                        currency = xml.attribute("Ccy");
                        amountText = xml.text();
                    } else {
                        xml.skip();
                    }
                }
                case "AmtDtls" -> {
                    AmountText transactionAmount = readTransactionAmount();
                    if (transactionAmount != null) {
                        amountLine = transactionAmount.line();
                        currency = transactionAmount.currency();
                        amountText = transactionAmount.text();
                    }
                }
                case "RltdPties" -> readParties(tx);
                case "RmtInf" -> readRemittance(tx);
                case "RtrInf" -> tx.returnReason = readReturnReason();
                case "AddtlTxInf" -> tx.additionalInfo = xml.text();
                default -> xml.skip();
            }
        }
        if (amountText != null) {
            tx.amount = checked(amountLine, label + " Amt", amountText, currency);
            tx.currency = currency;
        }
        return tx.build();
    }

    private @Nullable AmountText readTransactionAmount() {
        AmountText amount = null;
        while (xml.nextChild()) {
            if ("TxAmt".equals(xml.localName())) {
                while (xml.nextChild()) {
                    if ("Amt".equals(xml.localName())) {
                        int line = xml.line();
                        String currency = xml.attribute("Ccy");
                        amount = new AmountText(xml.text(), currency, line);
                    } else {
                        xml.skip();
                    }
                }
            } else {
                xml.skip();
            }
        }
        return amount;
    }

    private void readReferences(TransactionParts tx) {
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "AcctSvcrRef" -> tx.accountServicerReference = xml.text();
                case "EndToEndId" -> tx.endToEndId = xml.text();
                case "InstrId" -> tx.instructionId = xml.text();
                case "TxId" -> tx.transactionId = xml.text();
                default -> xml.skip();
            }
        }
    }

    private void readParties(TransactionParts tx) {
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Dbtr" -> tx.debtorName = readPartyName();
                case "DbtrAcct" -> tx.debtorIban = readAccountIban();
                case "Cdtr" -> tx.creditorName = readPartyName();
                case "CdtrAcct" -> tx.creditorIban = readAccountIban();
                default -> xml.skip();
            }
        }
    }

    // Dbtr/Nm up to .06 (PartyIdentification32/43); Dbtr/Pty/Nm from .07 (Party35Choice, Party40Choice).
    private @Nullable String readPartyName() {
        String name = null;
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Nm" -> name = xml.text();
                case "Pty" -> {
                    while (xml.nextChild()) {
                        if ("Nm".equals(xml.localName())) {
                            name = xml.text();
                        } else {
                            xml.skip();
                        }
                    }
                }
                default -> xml.skip();
            }
        }
        return name;
    }

    private @Nullable String readAccountIban() {
        String iban = null;
        while (xml.nextChild()) {
            if ("Id".equals(xml.localName())) {
                iban = readAccountId().iban();
            } else {
                xml.skip();
            }
        }
        return iban;
    }

    private void readRemittance(TransactionParts tx) {
        while (xml.nextChild()) {
            switch (xml.localName()) {
                case "Ustrd" -> {
                    String line = xml.text();
                    if (line != null) {
                        tx.unstructured.add(line);
                    }
                }
                case "Strd" -> {
                    while (xml.nextChild()) {
                        if ("CdtrRefInf".equals(xml.localName())) {
                            while (xml.nextChild()) {
                                if ("Ref".equals(xml.localName())) {
                                    String reference = xml.text();
                                    if (reference != null) {
                                        tx.structuredReferences.add(reference);
                                    }
                                } else {
                                    xml.skip();
                                }
                            }
                        } else {
                            xml.skip();
                        }
                    }
                }
                default -> xml.skip();
            }
        }
    }

    // RtrInf/Rsn: a choice of Cd (an ISO external return reason such as AC04) and Prtry, the same in every version.
    private String readReturnReason() {
        String reason = null;
        while (xml.nextChild()) {
            if ("Rsn".equals(xml.localName())) {
                reason = xml.code();
            } else {
                xml.skip();
            }
        }
        // A return the bank gives no reason for is still a return (MT940 says NARR the same way).
        return reason == null ? "NARR" : reason;
    }

    private BigDecimal checked(int line, String label, String amountText, @Nullable String currency) {
        BigDecimal amount;
        String code;
        try {
            amount = CamtValues.amount(amountText);
            code = CamtValues.currency(currency);
            CamtValues.withinMinorDigits(amount, code);
        } catch (IllegalArgumentException e) {
            throw failAt(line, label + " " + (currency == null ? "has no Ccy" : e.getMessage()));
        }
        return amount;
    }

    private Direction direction(int line, String label, @Nullable String indicator) {
        if ("CRDT".equals(indicator)) {
            return Direction.CREDIT;
        }
        if ("DBIT".equals(indicator)) {
            return Direction.DEBIT;
        }
        throw failAt(
                line,
                label + ": "
                        + (indicator == null
                                ? "CdtDbtInd is missing"
                                : "CdtDbtInd " + CamtValues.echo(indicator) + " is neither CRDT nor DBIT"));
    }

    @Override
    UnreadableBankFileException failAt(int line, String reason) {
        String entry = entryIndex >= 0 ? ", Ntry index " + entryIndex : "";
        return new UnreadableBankFileException(
                message.name() + " " + context + entry + ", line " + line + ": " + reason);
    }

    private record AccountId(@Nullable String iban, @Nullable String other) {}

    /** The parts of one TxDtls, as they are read. */
    private static final class TransactionParts {

        @Nullable
        BigDecimal amount;

        @Nullable
        String currency;

        @Nullable
        String accountServicerReference;

        @Nullable
        String endToEndId;

        @Nullable
        String instructionId;

        @Nullable
        String transactionId;

        @Nullable
        String debtorName;

        @Nullable
        String debtorIban;

        @Nullable
        String creditorName;

        @Nullable
        String creditorIban;

        final List<String> unstructured = new ArrayList<>();
        final List<String> structuredReferences = new ArrayList<>();

        @Nullable
        String returnReason;

        @Nullable
        String additionalInfo;

        Transaction build() {
            return new Transaction(
                    amount,
                    currency,
                    accountServicerReference,
                    endToEndId,
                    instructionId,
                    transactionId,
                    debtorName,
                    debtorIban,
                    creditorName,
                    creditorIban,
                    unstructured,
                    structuredReferences,
                    returnReason,
                    additionalInfo);
        }
    }

    private record AmountText(@Nullable String text, @Nullable String currency, int line) {}

    /** What is known of the statement being read, until its start and end go out. */
    private final class Statement {

        final int line;

        @Nullable
        String id;

        boolean accountSeen;

        @Nullable
        String accountIban;

        @Nullable
        String accountOther;

        @Nullable
        String accountCurrency;

        @Nullable
        Long sequenceNumber;

        @Nullable
        Long legalSequenceNumber;

        @Nullable
        Integer page;

        @Nullable
        LocalDate fromDate;

        @Nullable
        LocalDate toDate;

        @Nullable
        Instant createdAt;

        @Nullable
        Balance openingBooked;

        @Nullable
        Balance previouslyClosed;

        @Nullable
        Long declaredEntries;

        @Nullable
        BigDecimal declaredSum;

        @Nullable
        Balance closing;

        @Nullable
        Balance closingAvailable;

        boolean started;
        int entries;

        Statement(int line) {
            this.line = line;
        }

        StatementStart start() {
            if (id == null) {
                throw failAt(line, "Id is missing");
            }
            if (!accountSeen) {
                throw failAt(line, "Acct is missing");
            }
            if (accountIban == null && accountOther == null) {
                throw failAt(line, "Acct has neither Id/IBAN nor Id/Othr/Id");
            }
            started = true;
            return new StatementStart(
                    id,
                    accountIban,
                    accountOther,
                    accountCurrency,
                    sequenceNumber,
                    legalSequenceNumber,
                    page != null ? page : messagePage,
                    fromDate,
                    toDate,
                    createdAt,
                    openingBooked != null ? openingBooked : previouslyClosed,
                    declaredEntries,
                    declaredSum);
        }
    }
}
