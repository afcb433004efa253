package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankStatements.BankStatement;
import io.crowdrecon.recon.bankfile.BankStatements.EntryOutcome;
import io.crowdrecon.recon.bankfile.BankStatements.StatementEntry;
import io.crowdrecon.recon.bankfile.BookBankFile.Section;
import io.crowdrecon.recon.bankfile.BookBankFile.Survey;
import io.crowdrecon.recon.bankfile.EntryNotification.Credit;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionExecuted;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionReturned;
import io.crowdrecon.recon.bankfile.EntryNotification.Invalid;
import io.crowdrecon.recon.bankfile.EntryNotification.NotBooked;
import io.crowdrecon.recon.bankfile.EntryNotification.UnexpectedDebit;
import io.crowdrecon.recon.bankfile.StatementReconciliation.CreditCheck;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.payment.instruction.BankDebit;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.BankStatementId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Books one file, chunk by chunk, inside the caller's transaction: for each statement, report or notification its
 * entries become notifications decided by the existing pipeline, and a statement of a collection account is
 * reconciled with the books. It keeps the state of the section being booked and nothing of the entries already
 * booked. Chunks must be taken one at a time, in file order.
 */
final class FileBooking {

    /** Where a credit came from, on its {@code credit} row. */
    static final String FROM_FILE = "BANK_FILE";

    static final String FROM_STATEMENT = "STATEMENT";

    private final StatementBookings with;
    private final BankFileId bankFileId;
    private final Survey survey;
    private int nextSection;
    private int statementsBooked;
    private int bookedBefore;
    private @Nullable Booking booking;

    FileBooking(StatementBookings with, BankFileId bankFileId, Survey survey) {
        this.with = with;
        this.bankFileId = bankFileId;
        this.survey = survey;
    }

    int statementsBooked() {
        return statementsBooked;
    }

    /** Whether every section of the file turned out booked by an earlier file: the file is the same file again. */
    boolean allBookedBefore() {
        return !survey.sections().isEmpty() && bookedBefore == survey.sections().size();
    }

    Mono<Void> take(List<BankFileItem> chunk) {
        BankFileItem first = chunk.get(0);
        if (first instanceof StatementStart start) {
            return start(start);
        }
        if (first instanceof StatementEnd end) {
            Booking ending = booking;
            booking = null;
            return ending == null ? Mono.empty() : ending.end(end);
        }
        if (first instanceof Entry) {
            return booking == null
                    ? Mono.empty()
                    : booking.entries(chunk.stream().map(Entry.class::cast).toList());
        }
        return Mono.empty(); // the file header: the survey has it
    }

    private Mono<Void> start(StatementStart start) {
        Section section = survey.sections().get(nextSection++);
        booking = null;
        // A statement an earlier file booked (a file that repeats part of another): this copy changes nothing.
        return with.statements
                .fileThatBooked(section.key())
                .hasElement()
                .flatMap(bookedBefore -> bookedBefore
                        ? Mono.<Void>fromRunnable(() -> this.bookedBefore++)
                        : with.books
                                .portalOf(section.context().account())
                                .map(portal -> new Booking(section, portal))
                                .switchIfEmpty(Mono.fromSupplier(() -> new Booking(section, null)))
                                .flatMap(Booking::begin)
                                .doOnNext(begun -> booking = begun)
                                .then());
    }

    /** The booking of one statement, report or notification. */
    private final class Booking {
        private final Section section;
        private final @Nullable PortalId portalId;
        private final BankStatementId bankStatementId;
        private final EntryNotifications decider;
        private final Instant bookedAt;
        private @Nullable StatementReconciliation reconciliation;
        private Tally credits = Tally.NONE;
        private Tally debits = Tally.NONE;
        private Tally unexpected = Tally.NONE;

        Booking(Section section, @Nullable PortalId portalId) {
            this.section = section;
            this.portalId = portalId;
            this.bankStatementId = with.ids.nextBankStatementId();
            this.decider = EntryNotifications.of(section.context());
            this.bookedAt = with.clock.instant();
        }

        private boolean invalid() {
            return section.invalidReason() != null;
        }

        /** Saves the statement's row (its entries refer to it) and, for a reconciled statement, begins it. */
        Mono<Booking> begin() {
            if (invalid()) {
                return Mono.just(this);
            }
            Mono<Void> reconcilable = section.kind() == StatementKind.STATEMENT && portalId != null
                    ? with.statements
                            .previous(section.context().account())
                            .map(java.util.Optional::of)
                            .defaultIfEmpty(java.util.Optional.empty())
                            .doOnNext(previous -> reconciliation = StatementReconciliation.begin(
                                    section.context(), section.start(), previous.orElse(null)))
                            .then()
                    : Mono.empty();
            return with.statements
                    .save(row("BOOKED", null, null))
                    .then(reconcilable)
                    .thenReturn(this);
        }

        Mono<Void> entries(List<Entry> entries) {
            if (invalid()) {
                return Mono.empty(); // nothing of an INVALID statement is booked
            }
            List<List<EntryNotification>> decided =
                    entries.stream().map(decider::decide).toList();
            Mono<Map<String, RecordedCredit>> onBooks = reconciliation == null
                    ? Mono.just(Map.of())
                    : with.books.creditsByReference(
                            section.context().account(),
                            decided.stream()
                                    .flatMap(List::stream)
                                    .filter(Credit.class::isInstance)
                                    .map(EntryNotification::bankReference)
                                    .distinct()
                                    .toList());
            return onBooks.flatMap(books -> book(entries, decided, books));
        }

        private Mono<Void> book(
                List<Entry> entries, List<List<EntryNotification>> decided, Map<String, RecordedCredit> books) {
            Instant now = with.clock.instant();
            List<IncomingCredit> toDecide = new ArrayList<>();
            List<ReviewItem> reviews = new ArrayList<>();
            List<StatementEntry> rows = new ArrayList<>();
            List<Supplier<Mono<Void>>> debitsToApply = new ArrayList<>();
            for (int e = 0; e < entries.size(); e++) {
                Entry entry = entries.get(e);
                List<EntryNotification> notes = decided.get(e);
                Iterator<CreditCheck> checks = reconciliation == null
                        ? List.<CreditCheck>of().iterator()
                        : reconciliation.add(entry, notes, books).iterator();
                for (int t = 0; t < notes.size(); t++) {
                    EntryNotification note = notes.get(t);
                    if (note instanceof Credit credit) {
                        IncomingCredit incoming = credit.credit();
                        credits = credits.plus(incoming.amount());
                        if (reconciliation == null) {
                            toDecide.add(incoming);
                            rows.add(row(
                                    entry,
                                    t,
                                    incoming.amount(),
                                    note,
                                    incoming.notificationId(),
                                    EntryOutcome.NOTIFIED,
                                    null));
                            continue;
                        }
                        CreditCheck check = checks.next();
                        switch (check.verdict()) {
                            case MATCHED ->
                                rows.add(row(
                                        entry,
                                        t,
                                        incoming.amount(),
                                        note,
                                        Objects.requireNonNull(check.onBooks(), "a MATCHED credit is on the books")
                                                .notificationId(),
                                        EntryOutcome.MATCHED,
                                        null));
                            case MISSED -> {
                                toDecide.add(incoming);
                                rows.add(row(
                                        entry,
                                        t,
                                        incoming.amount(),
                                        note,
                                        incoming.notificationId(),
                                        EntryOutcome.MISSED,
                                        check.detail()));
                                reviews.add(review(
                                        ReviewKind.MISSED_NOTIFICATION,
                                        incoming.notificationId(),
                                        check.detail(),
                                        now));
                            }
                            case MISMATCHED -> {
                                String onBooks = check.onBooks() == null
                                        ? null
                                        : check.onBooks().notificationId();
                                rows.add(row(
                                        entry,
                                        t,
                                        incoming.amount(),
                                        note,
                                        onBooks,
                                        EntryOutcome.MISMATCHED,
                                        check.detail()));
                                reviews.add(review(
                                                ReviewKind.STATEMENT_MISMATCH,
                                                onBooks != null ? onBooks : incoming.notificationId(),
                                                check.detail(),
                                                now)
                                        .withDedupeKey("STATEMENT_MISMATCH:" + bankStatementId.value() + ":"
                                                + entry.index() + ":" + t));
                            }
                        }
                    } else if (note instanceof InstructionExecuted executed) {
                        debits = debits.plus(amountOf(executed.amount(), entry));
                        rows.add(row(
                                entry,
                                t,
                                executed.amount(),
                                note,
                                executed.notificationId(),
                                EntryOutcome.INSTRUCTION_EXECUTED,
                                "instruction " + executed.instructionId()));
                        debitsToApply.add(() -> with.debits.apply(new BankDebit(
                                executed.notificationId(),
                                executed.instructionId(),
                                InstructionStatus.EXECUTED,
                                null,
                                executed.amount(),
                                executed.currency(),
                                executed.bookingDate(),
                                null)));
                    } else if (note instanceof InstructionReturned returned) {
                        debits = debits.plus(amountOf(returned.amount(), entry));
                        rows.add(row(
                                entry,
                                t,
                                returned.amount(),
                                note,
                                returned.notificationId(),
                                EntryOutcome.INSTRUCTION_RETURNED,
                                "instruction " + returned.instructionId() + " returned: " + returned.reasonCode()));
                        debitsToApply.add(() -> with.debits.apply(new BankDebit(
                                returned.notificationId(),
                                returned.instructionId(),
                                InstructionStatus.FAILED,
                                null,
                                returned.amount(),
                                returned.currency(),
                                returned.bookingDate(),
                                returned.reasonCode())));
                    } else if (note instanceof UnexpectedDebit debit) {
                        debits = debits.plus(amountOf(debit.amount(), entry));
                        unexpected = unexpected.plus(amountOf(debit.amount(), entry));
                        rows.add(row(
                                entry,
                                t,
                                debit.amount(),
                                note,
                                debit.notificationId(),
                                EntryOutcome.UNEXPECTED_DEBIT,
                                debit.detail()));
                        debitsToApply.add(() -> with.debits.applyUnexpected(
                                new BankDebit(
                                        debit.notificationId(),
                                        null,
                                        null,
                                        null,
                                        debit.amount(),
                                        debit.currency(),
                                        debit.bookingDate(),
                                        debit.detail()),
                                portalId,
                                debit.detail()));
                    } else if (note instanceof NotBooked notBooked) {
                        rows.add(row(
                                entry,
                                t,
                                notBooked.amount(),
                                note,
                                notBooked.notificationId(),
                                EntryOutcome.NOT_BOOKED,
                                notBooked.why()));
                    } else if (note instanceof Invalid invalid) {
                        rows.add(row(
                                entry,
                                t,
                                null,
                                note,
                                invalid.notificationId(),
                                EntryOutcome.INVALID,
                                invalid.reason()));
                    }
                }
            }
            String source = reconciliation == null ? FROM_FILE : FROM_STATEMENT;
            List<String> decidedIds =
                    toDecide.stream().map(IncomingCredit::notificationId).toList();
            return with.reconcile
                    .reconcile(toDecide)
                    .then(decidedIds.isEmpty() ? Mono.empty() : with.books.markSource(decidedIds, source))
                    .then(Flux.fromIterable(debitsToApply)
                            .concatMap(Supplier::get)
                            .then())
                    .then(with.reviewItems.addAll(reviews))
                    .then(with.statements.saveEntries(bankStatementId, rows));
        }

        Mono<Void> end(StatementEnd end) {
            statementsBooked++;
            if (invalid()) {
                return with.statements
                        .save(row(StatementStatus.INVALID.name(), section.invalidReason(), end))
                        .then(with.reviewItems.addAll(List.of(review(
                                ReviewKind.STATEMENT_INVALID,
                                bankStatementId.value(),
                                "Statement " + describe() + " is INVALID and nothing in it was booked: "
                                        + section.invalidReason(),
                                with.clock.instant()))));
            }
            StatementReconciliation reconciling = reconciliation;
            if (reconciling == null) {
                String problems = portalId == null
                        ? "Account " + section.context().account() + " is no portal's collection account: its"
                                + " credits were decided as UNKNOWN_ACCOUNT, and nothing was reconciled"
                        : null;
                return with.statements.save(row("BOOKED", problems, end));
            }
            reconciling.end(end);
            Mono<Void> books = reconciling
                    .period()
                    .map(period -> with.books
                            .creditsIn(section.context().account(), period)
                            .doOnNext(reconciling::bookCredit)
                            .then(with.books
                                    .executionsIn(
                                            // only a portal's collection account is reconciled (begin())
                                            Objects.requireNonNull(portalId, "portalId"), period)
                                    .doOnNext(reconciling::bookExecution)
                                    .then()))
                    .orElse(Mono.empty());
            return books.then(Mono.defer(() -> {
                StatementReport report = reconciling.report();
                Instant now = with.clock.instant();
                BankStatement row = reconciled(report, end);
                return Flux.fromIterable(report.breaks())
                        .index()
                        .concatMap(indexed -> breakReview(indexed.getT2(), indexed.getT1(), now))
                        .collectList()
                        .flatMap(with.reviewItems::addAll)
                        .then(with.statements.save(row))
                        .then(with.statements.saveBalance(row));
            }));
        }

        private Mono<ReviewItem> breakReview(StatementBreak found, long index, Instant now) {
            return switch (found.kind()) {
                case NOT_ON_STATEMENT ->
                    // a credit not on the statement is the books' notification: its id is the break's subject
                    with.unreceived
                            .hold(Objects.requireNonNull(found.subjectId(), "subjectId"))
                            .map(hold -> ReviewItem.open(
                                            with.ids.nextReviewItemId(),
                                            ReviewKind.NOT_ON_STATEMENT,
                                            hold.portalId() != null ? hold.portalId() : portalId,
                                            hold.orderId(),
                                            found.subjectId(),
                                            found.detail() + ". " + hold.detail() + ".",
                                            now)
                                    .withDedupeKey("NOT_ON_STATEMENT:" + found.subjectId()));
                case STATEMENT_MISMATCH ->
                    Mono.just(review(ReviewKind.STATEMENT_MISMATCH, found.subjectId(), found.detail(), now)
                            .withDedupeKey("STATEMENT_MISMATCH:" + bankStatementId.value() + ":break:" + index));
                case STATEMENT_GAP ->
                    Mono.just(review(ReviewKind.STATEMENT_GAP, bankStatementId.value(), found.detail(), now)
                            .withDedupeKey("STATEMENT_GAP:" + bankStatementId.value() + ":" + index));
            };
        }

        private ReviewItem review(ReviewKind kind, @Nullable String subjectId, String detail, Instant now) {
            return ReviewItem.open(with.ids.nextReviewItemId(), kind, portalId, null, subjectId, detail, now)
                    .withDedupeKey(kind + ":" + bankStatementId.value() + ":" + subjectId);
        }

        private String describe() {
            StatementStart start = section.start();
            return (start.statementId() == null ? "without id" : start.statementId()) + " of account "
                    + section.context().account() + " (file " + bankFileId.value() + ")";
        }

        private StatementEntry row(
                Entry entry,
                int transaction,
                @Nullable BigDecimal amount,
                EntryNotification note,
                @Nullable String notificationId,
                EntryOutcome outcome,
                @Nullable String detail) {
            return new StatementEntry(
                    entry.index(),
                    transaction,
                    entry.direction(),
                    amountOf(amount, entry),
                    entry.currency() == null ? "" : entry.currency(),
                    EntryNotifications.dateOf(entry),
                    note.bankReference(),
                    notificationId,
                    outcome,
                    detail);
        }

        /** The statement's row, before it is reconciled (or when it is not). */
        private BankStatement row(String status, @Nullable String problems, @Nullable StatementEnd end) {
            StatementStart start = section.start();
            Balance opening = start.opening();
            Balance closing = end == null ? null : end.closing();
            return new BankStatement(
                    bankStatementId,
                    bankFileId,
                    section.position(),
                    section.kind(),
                    section.context().account(),
                    portalId,
                    start.statementId(),
                    section.context().messageId(),
                    start.sequenceNumber(),
                    start.legalSequenceNumber(),
                    start.pageNumber(),
                    start.fromDate(),
                    start.toDate(),
                    currencyOf(start, closing),
                    opening == null ? null : opening.amount(),
                    opening == null ? null : opening.date(),
                    closing == null ? null : closing.amount(),
                    closing == null ? null : closing.date(),
                    section.entries(),
                    credits.sum(),
                    debits.sum(),
                    0,
                    0,
                    BigDecimal.ZERO,
                    0,
                    BigDecimal.ZERO,
                    0,
                    (int) unexpected.count(),
                    unexpected.sum(),
                    null,
                    null,
                    null,
                    status,
                    problems,
                    bookedAt);
        }

        private BankStatement reconciled(StatementReport report, StatementEnd end) {
            StatementStart start = section.start();
            List<String> problems = new ArrayList<>(report.gaps());
            report.breaks().stream()
                    .filter(b -> b.kind() != StatementBreak.Kind.STATEMENT_GAP)
                    .map(StatementBreak::detail)
                    .forEach(problems::add);
            return new BankStatement(
                    bankStatementId,
                    bankFileId,
                    section.position(),
                    section.kind(),
                    section.context().account(),
                    portalId,
                    start.statementId(),
                    section.context().messageId(),
                    start.sequenceNumber(),
                    start.legalSequenceNumber(),
                    start.pageNumber(),
                    report.from() != null ? report.from() : start.fromDate(),
                    report.to() != null ? report.to() : start.toDate(),
                    report.currency(),
                    report.opening() == null ? null : report.opening().amount(),
                    report.opening() == null ? null : report.opening().date(),
                    report.closing() == null ? null : report.closing().amount(),
                    report.closing() == null ? null : report.closing().date(),
                    (int) report.entries().count(),
                    report.credits().sum(),
                    report.debits().sum(),
                    (int) report.matched().count(),
                    (int) report.missed().count(),
                    report.missed().sum(),
                    (int) report.notOnStatement().count(),
                    report.notOnStatement().sum(),
                    (int) report.mismatched().count(),
                    (int) report.unexpectedDebits().count(),
                    report.unexpectedDebits().sum(),
                    report.expectedClosingBalance(),
                    report.difference(),
                    report.explained(),
                    report.status().name(),
                    problems.isEmpty() ? null : String.join("\n", problems),
                    bookedAt);
        }
    }

    private static BigDecimal amountOf(@Nullable BigDecimal amount, Entry entry) {
        return amount != null ? amount : entry.amount();
    }

    private static @Nullable String currencyOf(StatementStart start, @Nullable Balance closing) {
        if (start.accountCurrency() != null) {
            return start.accountCurrency();
        }
        if (start.opening() != null) {
            return start.opening().currency();
        }
        return closing == null ? null : closing.currency();
    }

    static boolean isCredit(Entry entry) {
        return entry.direction() == Direction.CREDIT;
    }
}
