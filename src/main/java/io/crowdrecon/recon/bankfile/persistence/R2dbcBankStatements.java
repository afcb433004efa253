package io.crowdrecon.recon.bankfile.persistence;

import io.crowdrecon.recon.bankfile.Balance;
import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankStatements;
import io.crowdrecon.recon.bankfile.StatementKind;
import io.crowdrecon.recon.bankfile.StatementReconciliation.PreviousStatement;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.BankStatementId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcBankStatements implements BankStatements {

    /** A key's missing parts as the unique index bank_statement_once coalesces them, so that the index answers. */
    private static final String NO_MESSAGE_ID = "";

    private static final String NO_STATEMENT_ID = "";
    private static final long NO_SEQUENCE_NUMBER = -1;
    private static final int NO_PAGE_NUMBER = 0;

    /** The statements {@link #page} lists: a statement without a closing date counts by the end of its period. */
    private static final String FILTERED =
            """
            FROM bank_statement
             WHERE (CAST(:account AS text) IS NULL OR account = :account)
               AND (CAST(:from AS date) IS NULL OR coalesce(closing_date, to_date) >= :from)
               AND (CAST(:to AS date) IS NULL OR coalesce(closing_date, to_date) <= :to)
            """;

    private final DatabaseClient database;

    public R2dbcBankStatements(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<BankFileId> fileThatBooked(StatementKey key) {
        return database.sql(
                        """
                        SELECT bank_file_id FROM bank_statement
                         WHERE account = :account
                           AND coalesce(message_id, '') = :messageId
                           AND coalesce(statement_id, '') = :statementId
                           AND coalesce(sequence_number, -1) = :sequenceNumber
                           AND coalesce(page_number, 0) = :pageNumber""")
                .bind("account", key.account())
                .bind("messageId", key.messageId() == null ? NO_MESSAGE_ID : key.messageId())
                .bind("statementId", key.statementId() == null ? NO_STATEMENT_ID : key.statementId())
                .bind("sequenceNumber", key.sequenceNumber() == null ? NO_SEQUENCE_NUMBER : key.sequenceNumber())
                .bind("pageNumber", key.pageNumber() == null ? NO_PAGE_NUMBER : key.pageNumber())
                .map(row -> new BankFileId(row.get("bank_file_id", String.class)))
                .one();
    }

    @Override
    public Mono<PreviousStatement> previous(String account) {
        return database.sql(
                        """
                        SELECT s.statement_id, b.sequence_number, s.page_number, b.closing_balance, b.currency,
                               b.closing_date
                          FROM account_balance b JOIN bank_statement s USING (bank_statement_id)
                         WHERE b.account = :account""")
                .bind("account", account)
                .map(row -> new PreviousStatement(
                        row.get("statement_id", String.class),
                        row.get("sequence_number", Long.class),
                        row.get("page_number", Integer.class),
                        new Balance(
                                row.get("closing_balance", BigDecimal.class),
                                row.get("currency", String.class),
                                row.get("closing_date", LocalDate.class))))
                .one();
    }

    @Override
    public Mono<Void> save(BankStatement s) {
        return database.sql(
                        """
                        INSERT INTO bank_statement (bank_statement_id, bank_file_id, position, kind, account, portal_id,
                               statement_id, message_id, sequence_number, legal_sequence_number, page_number,
                               from_date, to_date, currency, opening_balance, opening_date, closing_balance,
                               closing_date, entries, credits_sum, debits_sum, matched, missed, missed_sum,
                               not_on_statement, not_on_statement_sum, mismatched, unexpected_debits,
                               unexpected_debits_sum, expected_closing, difference, explained, status, problems,
                               booked_at)
                        VALUES (:id, :fileId, :position, :kind, :account, :portalId,
                               :statementId, :messageId, :sequenceNumber, :legalSequenceNumber, :pageNumber,
                               :fromDate, :toDate, :currency, :openingBalance, :openingDate, :closingBalance,
                               :closingDate, :entries, :creditsSum, :debitsSum, :matched, :missed, :missedSum,
                               :notOnStatement, :notOnStatementSum, :mismatched, :unexpectedDebits,
                               :unexpectedDebitsSum, :expectedClosing, :difference, :explained, :status, :problems,
                               :bookedAt)
                        ON CONFLICT (bank_statement_id) DO UPDATE SET
                               portal_id = EXCLUDED.portal_id,
                               statement_id = EXCLUDED.statement_id,
                               message_id = EXCLUDED.message_id,
                               sequence_number = EXCLUDED.sequence_number,
                               legal_sequence_number = EXCLUDED.legal_sequence_number,
                               page_number = EXCLUDED.page_number,
                               from_date = EXCLUDED.from_date,
                               to_date = EXCLUDED.to_date,
                               currency = EXCLUDED.currency,
                               opening_balance = EXCLUDED.opening_balance,
                               opening_date = EXCLUDED.opening_date,
                               closing_balance = EXCLUDED.closing_balance,
                               closing_date = EXCLUDED.closing_date,
                               entries = EXCLUDED.entries,
                               credits_sum = EXCLUDED.credits_sum,
                               debits_sum = EXCLUDED.debits_sum,
                               matched = EXCLUDED.matched,
                               missed = EXCLUDED.missed,
                               missed_sum = EXCLUDED.missed_sum,
                               not_on_statement = EXCLUDED.not_on_statement,
                               not_on_statement_sum = EXCLUDED.not_on_statement_sum,
                               mismatched = EXCLUDED.mismatched,
                               unexpected_debits = EXCLUDED.unexpected_debits,
                               unexpected_debits_sum = EXCLUDED.unexpected_debits_sum,
                               expected_closing = EXCLUDED.expected_closing,
                               difference = EXCLUDED.difference,
                               explained = EXCLUDED.explained,
                               status = EXCLUDED.status,
                               problems = EXCLUDED.problems""")
                .bind("id", s.bankStatementId().value())
                .bind("fileId", s.bankFileId().value())
                .bind("position", s.position())
                .bind("kind", s.kind().name())
                .bind("account", s.account())
                .bind(
                        "portalId",
                        Sql.nullable(s.portalId() == null ? null : s.portalId().value(), String.class))
                .bind("statementId", Sql.nullable(s.statementId(), String.class))
                .bind("messageId", Sql.nullable(s.messageId(), String.class))
                .bind("sequenceNumber", Sql.nullable(s.sequenceNumber(), Long.class))
                .bind("legalSequenceNumber", Sql.nullable(s.legalSequenceNumber(), Long.class))
                .bind("pageNumber", Sql.nullable(s.pageNumber(), Integer.class))
                .bind("fromDate", Sql.nullable(s.fromDate(), LocalDate.class))
                .bind("toDate", Sql.nullable(s.toDate(), LocalDate.class))
                .bind("currency", Sql.nullable(s.currency(), String.class))
                .bind("openingBalance", Sql.nullable(s.openingBalance(), BigDecimal.class))
                .bind("openingDate", Sql.nullable(s.openingDate(), LocalDate.class))
                .bind("closingBalance", Sql.nullable(s.closingBalance(), BigDecimal.class))
                .bind("closingDate", Sql.nullable(s.closingDate(), LocalDate.class))
                .bind("entries", s.entries())
                .bind("creditsSum", orZero(s.creditsSum()))
                .bind("debitsSum", orZero(s.debitsSum()))
                .bind("matched", s.matched())
                .bind("missed", s.missed())
                .bind("missedSum", orZero(s.missedSum()))
                .bind("notOnStatement", s.notOnStatement())
                .bind("notOnStatementSum", orZero(s.notOnStatementSum()))
                .bind("mismatched", s.mismatched())
                .bind("unexpectedDebits", s.unexpectedDebits())
                .bind("unexpectedDebitsSum", orZero(s.unexpectedDebitsSum()))
                .bind("expectedClosing", Sql.nullable(s.expectedClosingBalance(), BigDecimal.class))
                .bind("difference", Sql.nullable(s.difference(), BigDecimal.class))
                .bind("explained", Sql.nullable(s.explained(), BigDecimal.class))
                .bind("status", s.status())
                .bind("problems", Sql.nullable(s.problems(), String.class))
                .bind("bookedAt", Sql.timestamp(s.bookedAt()))
                .then();
    }

    @Override
    public Mono<Void> saveEntries(BankStatementId bankStatementId, List<StatementEntry> entries) {
        return BulkInsert.into("bank_statement_entry", entries)
                .text("bank_statement_id", e -> bankStatementId.value())
                .integer("entry_index", StatementEntry::entryIndex)
                .integer("transaction_index", StatementEntry::transactionIndex)
                .enumName("direction", StatementEntry::direction)
                .numeric("amount", StatementEntry::amount)
                .text("currency", StatementEntry::currency)
                .date("booking_date", StatementEntry::bookingDate)
                .text("bank_reference", StatementEntry::bankReference)
                .text("notification_id", StatementEntry::notificationId)
                .enumName("outcome", StatementEntry::outcome)
                .text("detail", StatementEntry::detail)
                .execute(database)
                .then();
    }

    @Override
    public Mono<Void> saveBalance(BankStatement s) {
        BigDecimal expected = s.expectedClosingBalance() == null ? s.closingBalance() : s.expectedClosingBalance();
        return database.sql(
                        """
                        INSERT INTO account_balance (account, bank_statement_id, sequence_number, closing_balance,
                                                     closing_date, expected_closing, currency)
                        VALUES (:account, :id, :sequenceNumber, :closingBalance, :closingDate, :expected, :currency)
                        ON CONFLICT (account) DO UPDATE SET
                               bank_statement_id = excluded.bank_statement_id,
                               sequence_number = excluded.sequence_number,
                               closing_balance = excluded.closing_balance,
                               closing_date = excluded.closing_date,
                               expected_closing = excluded.expected_closing,
                               currency = excluded.currency""")
                .bind("account", s.account())
                .bind("id", s.bankStatementId().value())
                .bind("sequenceNumber", Sql.nullable(s.sequenceNumber(), Long.class))
                .bind("closingBalance", Sql.nullable(s.closingBalance(), BigDecimal.class))
                .bind("closingDate", Sql.nullable(s.closingDate(), LocalDate.class))
                .bind("expected", Sql.nullable(expected, BigDecimal.class))
                .bind("currency", Sql.nullable(s.currency(), String.class))
                .then();
    }

    @Override
    public Mono<BankStatement> byId(BankStatementId bankStatementId) {
        return database.sql("SELECT * FROM bank_statement WHERE bank_statement_id = :id")
                .bind("id", bankStatementId.value())
                .map(R2dbcBankStatements::statement)
                .one();
    }

    @Override
    public Flux<BankStatement> ofFile(BankFileId bankFileId) {
        return database.sql("SELECT * FROM bank_statement WHERE bank_file_id = :id ORDER BY position")
                .bind("id", bankFileId.value())
                .map(R2dbcBankStatements::statement)
                .all();
    }

    @Override
    public Mono<Page<BankStatement>> page(
            @Nullable String account, @Nullable LocalDate from, @Nullable LocalDate to, PageRequest page) {
        Mono<Long> total = filtered(database.sql("SELECT count(*) " + FILTERED), account, from, to)
                .map(row -> row.get(0, Long.class))
                .one();
        // Sorted as filtered: by the closing date, else the end of the period; those with neither last.
        String select = "SELECT * " + FILTERED
                + " ORDER BY coalesce(closing_date, to_date) DESC NULLS LAST, bank_statement_id DESC"
                + " LIMIT :limit OFFSET :offset";
        return filtered(database.sql(select), account, from, to)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcBankStatements::statement)
                .all()
                .collectList()
                .zipWith(total, (items, count) -> new Page<>(items, page.page(), page.size(), count));
    }

    private static DatabaseClient.GenericExecuteSpec filtered(
            DatabaseClient.GenericExecuteSpec statement,
            @Nullable String account,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        return statement
                .bind("account", Sql.nullable(account, String.class))
                .bind("from", Sql.nullable(from, LocalDate.class))
                .bind("to", Sql.nullable(to, LocalDate.class));
    }

    @Override
    public Mono<Page<StatementEntry>> entries(BankStatementId bankStatementId, PageRequest page) {
        Mono<Long> total = database.sql("SELECT count(*) FROM bank_statement_entry WHERE bank_statement_id = :id")
                .bind("id", bankStatementId.value())
                .map(row -> row.get(0, Long.class))
                .one();
        return database.sql(
                        """
                        SELECT * FROM bank_statement_entry WHERE bank_statement_id = :id
                         ORDER BY entry_index, transaction_index
                         LIMIT :limit OFFSET :offset""")
                .bind("id", bankStatementId.value())
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcBankStatements::entry)
                .all()
                .collectList()
                .zipWith(total, (items, count) -> new Page<>(items, page.page(), page.size(), count));
    }

    @Override
    public Flux<BankStatement> lastPerAccount() {
        return database.sql(
                        """
                        SELECT DISTINCT ON (account) * FROM bank_statement
                         WHERE kind = 'STATEMENT' AND portal_id IS NOT NULL
                         ORDER BY account, closing_date DESC NULLS LAST, booked_at DESC, bank_statement_id DESC""")
                .map(R2dbcBankStatements::statement)
                .all();
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static int count(Readable row, String column) {
        Integer value = row.get(column, Integer.class);
        return value == null ? 0 : value;
    }

    private static BankStatement statement(Readable row) {
        return new BankStatement(
                new BankStatementId(row.get("bank_statement_id", String.class)),
                new BankFileId(row.get("bank_file_id", String.class)),
                count(row, "position"),
                StatementKind.valueOf(row.get("kind", String.class)),
                row.get("account", String.class),
                Sql.id(row.get("portal_id", String.class), PortalId::of),
                row.get("statement_id", String.class),
                row.get("message_id", String.class),
                row.get("sequence_number", Long.class),
                row.get("legal_sequence_number", Long.class),
                row.get("page_number", Integer.class),
                row.get("from_date", LocalDate.class),
                row.get("to_date", LocalDate.class),
                row.get("currency", String.class),
                row.get("opening_balance", BigDecimal.class),
                row.get("opening_date", LocalDate.class),
                row.get("closing_balance", BigDecimal.class),
                row.get("closing_date", LocalDate.class),
                count(row, "entries"),
                row.get("credits_sum", BigDecimal.class),
                row.get("debits_sum", BigDecimal.class),
                count(row, "matched"),
                count(row, "missed"),
                row.get("missed_sum", BigDecimal.class),
                count(row, "not_on_statement"),
                row.get("not_on_statement_sum", BigDecimal.class),
                count(row, "mismatched"),
                count(row, "unexpected_debits"),
                row.get("unexpected_debits_sum", BigDecimal.class),
                row.get("expected_closing", BigDecimal.class),
                row.get("difference", BigDecimal.class),
                row.get("explained", BigDecimal.class),
                row.get("status", String.class),
                row.get("problems", String.class),
                Sql.instant(row.get("booked_at", OffsetDateTime.class)));
    }

    private static StatementEntry entry(Readable row) {
        return new StatementEntry(
                count(row, "entry_index"),
                count(row, "transaction_index"),
                Direction.valueOf(row.get("direction", String.class)),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                row.get("booking_date", LocalDate.class),
                row.get("bank_reference", String.class),
                row.get("notification_id", String.class),
                EntryOutcome.valueOf(row.get("outcome", String.class)),
                row.get("detail", String.class));
    }
}
