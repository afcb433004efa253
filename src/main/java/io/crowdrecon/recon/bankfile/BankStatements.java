package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.StatementReconciliation.PreviousStatement;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.BankStatementId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The account statements, reports and notifications of booked files, with what became of their entries. */
public interface BankStatements {

    /** What makes a statement the same statement again: a file that repeats it is the same file. */
    record StatementKey(
            String account,
            @Nullable String messageId,
            @Nullable String statementId,
            @Nullable Long sequenceNumber,
            @Nullable Integer pageNumber) {}

    /**
     * One account section of a booked file as the books keep it. {@code status} is a {@link StatementStatus} for a
     * {@code STATEMENT} of a collection account, {@code BOOKED} for the others (reports, notifications, unknown
     * accounts); reconciliation figures are null when nothing was reconciled.
     */
    record BankStatement(
            BankStatementId bankStatementId,
            BankFileId bankFileId,
            int position,
            StatementKind kind,
            String account,
            @Nullable PortalId portalId,
            @Nullable String statementId,
            @Nullable String messageId,
            @Nullable Long sequenceNumber,
            @Nullable Long legalSequenceNumber,
            @Nullable Integer pageNumber,
            @Nullable LocalDate fromDate,
            @Nullable LocalDate toDate,
            @Nullable String currency,
            @Nullable BigDecimal openingBalance,
            @Nullable LocalDate openingDate,
            @Nullable BigDecimal closingBalance,
            @Nullable LocalDate closingDate,
            int entries,
            BigDecimal creditsSum,
            BigDecimal debitsSum,
            int matched,
            int missed,
            BigDecimal missedSum,
            int notOnStatement,
            BigDecimal notOnStatementSum,
            int mismatched,
            int unexpectedDebits,
            BigDecimal unexpectedDebitsSum,
            @Nullable BigDecimal expectedClosingBalance,
            @Nullable BigDecimal difference,
            @Nullable BigDecimal explained,
            String status,
            @Nullable String problems,
            Instant bookedAt) {

        public StatementKey key() {
            return new StatementKey(account, messageId, statementId, sequenceNumber, pageNumber);
        }
    }

    /** What became of one entry (one transaction of it, for a batch entry). */
    enum EntryOutcome {
        /** A credit the books already held alike. */
        MATCHED,
        /** A credit the books did not hold, decided from the statement ({@code MISSED_NOTIFICATION}). */
        MISSED,
        /** A credit the books hold otherwise, or twice on the statement ({@code STATEMENT_MISMATCH}). */
        MISMATCHED,
        /** A credit of a report or notification, or of an unknown account, decided by the matcher. */
        NOTIFIED,
        /** A debit confirming one of our instructions. */
        INSTRUCTION_EXECUTED,
        /** A debit returning one of our instructions: FAILED with the bank's reason code. */
        INSTRUCTION_RETURNED,
        /** A debit naming nothing of ours ({@code UNEXPECTED_DEBIT}). */
        UNEXPECTED_DEBIT,
        /** Pending or information only: the bank has not booked it. */
        NOT_BOOKED,
        /** Not money (no amount or currency): the statement is {@code INVALID}. */
        INVALID
    }

    /** One entry row. {@code transactionIndex} is 0 for an entry without transaction details. */
    record StatementEntry(
            int entryIndex,
            int transactionIndex,
            Direction direction,
            BigDecimal amount,
            String currency,
            @Nullable LocalDate bookingDate,
            @Nullable String bankReference,
            @Nullable String notificationId,
            EntryOutcome outcome,
            @Nullable String detail) {}

    /** The file that first booked {@code key}; empty when no file did. */
    Mono<BankFileId> fileThatBooked(StatementKey key);

    /** The account's last booked statement, as the next one continues it; empty before its first. */
    Mono<PreviousStatement> previous(String account);

    /** Stores a statement with its figures; saving the same statement again replaces them (once it is reconciled). */
    Mono<Void> save(BankStatement statement);

    /** Stores entry rows of a saved statement. */
    Mono<Void> saveEntries(BankStatementId bankStatementId, List<StatementEntry> entries);

    /** The account's balance from now on: this statement's closing, and the books' expected closing. */
    Mono<Void> saveBalance(BankStatement statement);

    Mono<BankStatement> byId(BankStatementId bankStatementId);

    /** In file order. */
    Flux<BankStatement> ofFile(BankFileId bankFileId);

    /** Newest closing date first; each filter may be null. */
    Mono<Page<BankStatement>> page(
            @Nullable String account, @Nullable LocalDate from, @Nullable LocalDate to, PageRequest page);

    /** In entry order. */
    Mono<Page<StatementEntry>> entries(BankStatementId bankStatementId, PageRequest page);

    /** The last statement of each collection account, for the dashboard. */
    Flux<BankStatement> lastPerAccount();
}
