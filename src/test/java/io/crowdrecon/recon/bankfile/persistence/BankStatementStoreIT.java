package io.crowdrecon.recon.bankfile.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.bankfile.Balance;
import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileSource;
import io.crowdrecon.recon.bankfile.BankStatements.BankStatement;
import io.crowdrecon.recon.bankfile.BankStatements.EntryOutcome;
import io.crowdrecon.recon.bankfile.BankStatements.StatementEntry;
import io.crowdrecon.recon.bankfile.BankStatements.StatementKey;
import io.crowdrecon.recon.bankfile.StatementKind;
import io.crowdrecon.recon.bankfile.StatementReconciliation.BookCredit;
import io.crowdrecon.recon.bankfile.StatementReconciliation.BookExecution;
import io.crowdrecon.recon.bankfile.StatementReconciliation.Period;
import io.crowdrecon.recon.bankfile.StatementReconciliation.PreviousStatement;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.BankStatementId;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The bank-file store on the real PostgreSQL: statements, their entries and the accounts' balances as they are saved
 * and read back, and the books a statement is checked against (credits, executed instructions). Rows of the books are
 * written with plain SQL, so that each case (a duplicate, a card credit, an instruction with two debits) is exact.
 */
@ReconIntegrationTest
class BankStatementStoreIT {

    private static final Logger log = LoggerFactory.getLogger(BankStatementStoreIT.class);
    private static final IdGenerator IDS = IdGenerator.threadLocal();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    R2dbcBankFiles files;

    @Autowired
    R2dbcBankStatements statements;

    @Autowired
    R2dbcStatementBooks books;

    @Autowired
    Transactions transactions;

    /** What this test wrote by hand: removed after it, so that the other tests' audits see only real books. */
    private final List<BankFileId> createdFiles = new java.util.ArrayList<>();

    private final List<String> createdCredits = new java.util.ArrayList<>();
    private final List<String> createdInstructions = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeWhatWasWrittenByHand() {
        String[] files = createdFiles.stream().map(BankFileId::value).toArray(String[]::new);
        database.sql(
                        """
                        WITH s AS (SELECT bank_statement_id FROM bank_statement WHERE bank_file_id = ANY(:files)),
                             e AS (DELETE FROM bank_statement_entry WHERE bank_statement_id IN (SELECT * FROM s)),
                             b AS (DELETE FROM account_balance WHERE bank_statement_id IN (SELECT * FROM s))
                        SELECT 1""")
                .bind("files", files)
                .then()
                .then(database.sql("DELETE FROM bank_statement WHERE bank_file_id = ANY(:files)")
                        .bind("files", files)
                        .then())
                .then(database.sql("DELETE FROM bank_file WHERE bank_file_id = ANY(:files)")
                        .bind("files", files)
                        .then())
                .then(database.sql("DELETE FROM debit WHERE instruction_id = ANY(:instructions)")
                        .bind("instructions", createdInstructions.toArray(String[]::new))
                        .then())
                .then(database.sql("DELETE FROM payment_instruction WHERE instruction_id = ANY(:instructions)")
                        .bind("instructions", createdInstructions.toArray(String[]::new))
                        .then())
                .then(database.sql("DELETE FROM credit WHERE notification_id = ANY(:credits)")
                        .bind("credits", createdCredits.toArray(String[]::new))
                        .then())
                .block();
    }

    @Test
    void readsBackEveryFieldOfASavedStatementAndTheStatementsOfAFileInFileOrder() {
        BankFileId file = newFile();
        BankStatement full = new BankStatement(
                IDS.nextBankStatementId(),
                file,
                1,
                StatementKind.STATEMENT,
                Ibans.randomGerman(),
                PortalId.of("PRT-SOMEPORTAL"),
                "STMT-2026-03-14",
                "MSG-1",
                14L,
                2026014L,
                3,
                LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 3, 14),
                "EUR",
                new BigDecimal("-120.50"),
                LocalDate.of(2026, 3, 13),
                new BigDecimal("1000.10"),
                LocalDate.of(2026, 3, 14),
                7,
                new BigDecimal("1500.60"),
                new BigDecimal("380.00"),
                4,
                1,
                new BigDecimal("100.00"),
                2,
                new BigDecimal("55.5"),
                1,
                1,
                new BigDecimal("80.00"),
                new BigDecimal("900.10"),
                new BigDecimal("100.00"),
                new BigDecimal("100.00"),
                "BREAKS",
                "1 missed notification",
                NOW);
        BankStatement bare = new BankStatement(
                IDS.nextBankStatementId(),
                file,
                0,
                StatementKind.NOTIFICATION,
                "OTHER-ACCOUNT-" + IDS.next(IdPrefix.BANK_FILE),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                0,
                BigDecimal.ZERO,
                0,
                BigDecimal.ZERO,
                0,
                0,
                BigDecimal.ZERO,
                null,
                null,
                null,
                "BOOKED",
                null,
                NOW);

        statements.save(full).block();
        statements.save(bare).block();

        assertThat(statements.byId(full.bankStatementId()).block()).isEqualTo(full);
        assertThat(statements.byId(bare.bankStatementId()).block()).isEqualTo(bare);
        assertThat(statements.byId(new BankStatementId("BST-NONE")).blockOptional())
                .isEmpty();
        assertThat(statements.ofFile(file).collectList().block()).containsExactly(bare, full);
    }

    @Test
    void findsTheFileThatBookedAStatementKeyComparingMissingPartsAsEqual() {
        String account = Ibans.randomGerman();
        BankFileId first = newFile();
        BankFileId second = newFile();
        statements
                .save(statement(first, 0, account, null, StatementKind.STATEMENT, null, null, "MT940-1", null, null))
                .block();
        statements
                .save(statement(second, 0, account, null, StatementKind.STATEMENT, "MSG-9", 9L, "ST-9", 9L, 2))
                .block();

        assertThat(statements
                        .fileThatBooked(new StatementKey(account, null, "MT940-1", null, null))
                        .block())
                .isEqualTo(first);
        assertThat(statements
                        .fileThatBooked(new StatementKey(account, "MSG-9", "ST-9", 9L, 2))
                        .block())
                .isEqualTo(second);
        // Each part of the key counts, a missing one differs from any given one.
        assertThat(statements
                        .fileThatBooked(new StatementKey(account, null, "MT940-1", 1L, null))
                        .blockOptional())
                .isEmpty();
        assertThat(statements
                        .fileThatBooked(new StatementKey(account, null, "MT940-1", null, 1))
                        .blockOptional())
                .isEmpty();
        assertThat(statements
                        .fileThatBooked(new StatementKey(account, "MSG-1", "MT940-1", null, null))
                        .blockOptional())
                .isEmpty();
        assertThat(statements
                        .fileThatBooked(new StatementKey(account, "MSG-9", "ST-9", 9L, 3))
                        .blockOptional())
                .isEmpty();
        assertThat(statements
                        .fileThatBooked(new StatementKey(Ibans.randomGerman(), null, "MT940-1", null, null))
                        .blockOptional())
                .isEmpty();
    }

    @Test
    void continuesAnAccountFromItsLastSavedBalanceWhoseExpectedClosingIsTheBankClosingWhenNoneWasReckoned() {
        String account = Ibans.randomGerman();
        BankFileId file = newFile();
        BankStatement first = withBalance(
                statement(file, 0, account, "PRT-X", StatementKind.STATEMENT, "M1", 41L, "S41", 41L, null),
                new BigDecimal("250.00"),
                LocalDate.of(2026, 4, 1),
                null);
        BankStatement second = withBalance(
                statement(file, 1, account, "PRT-X", StatementKind.STATEMENT, "M1", 42L, "S42", 42L, 2),
                new BigDecimal("-75.25"),
                LocalDate.of(2026, 4, 2),
                new BigDecimal("-80.00"));
        statements.save(first).block();
        statements.save(second).block();

        assertThat(statements.previous(account).blockOptional()).isEmpty();

        statements.saveBalance(first).block();
        assertThat(statements.previous(account).block())
                .isEqualTo(new PreviousStatement(
                        "S41", 41L, null, new Balance(new BigDecimal("250.00"), "EUR", LocalDate.of(2026, 4, 1))));
        assertThat(expectedClosing(account)).isEqualByComparingTo("250.00");

        statements.saveBalance(second).block();
        assertThat(statements.previous(account).block())
                .isEqualTo(new PreviousStatement(
                        "S42", 42L, 2, new Balance(new BigDecimal("-75.25"), "EUR", LocalDate.of(2026, 4, 2))));
        assertThat(expectedClosing(account)).isEqualByComparingTo("-80.00");
        assertThat(database.sql("SELECT count(*) FROM account_balance WHERE account = :account")
                        .bind("account", account)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1L);
    }

    @Test
    void savesEntriesCallByCallAndPagesThemInEntryAndTransactionOrder() {
        BankFileId file = newFile();
        BankStatement statement =
                statement(file, 0, Ibans.randomGerman(), null, StatementKind.STATEMENT, "M", 1L, "S", 1L, null);
        statements.save(statement).block();
        StatementEntry batchFirst = entry(1, 1, Direction.CREDIT, "10.00", EntryOutcome.MATCHED);
        StatementEntry batchSecond = entry(1, 2, Direction.CREDIT, "20.5", EntryOutcome.MISSED);
        StatementEntry debit = entry(0, 0, Direction.DEBIT, "99.99", EntryOutcome.INSTRUCTION_EXECUTED);
        StatementEntry bare = new StatementEntry(
                2, 0, Direction.DEBIT, new BigDecimal("1"), "EUR", null, null, null, EntryOutcome.NOT_BOOKED, null);

        statements
                .saveEntries(statement.bankStatementId(), List.of(batchSecond, bare))
                .block();
        statements
                .saveEntries(statement.bankStatementId(), List.of(debit, batchFirst))
                .block();
        statements.saveEntries(statement.bankStatementId(), List.of()).block();

        Page<StatementEntry> first = statements
                .entries(statement.bankStatementId(), new PageRequest(0, 3))
                .block();
        Page<StatementEntry> second = statements
                .entries(statement.bankStatementId(), new PageRequest(1, 3))
                .block();
        assertThat(first.items()).containsExactly(debit, batchFirst, batchSecond);
        assertThat(first.total()).isEqualTo(4);
        assertThat(second.items()).containsExactly(bare);
        assertThat(second.page()).isEqualTo(1);
        assertThat(statements
                        .entries(new BankStatementId("BST-NONE"), new PageRequest(0, 3))
                        .block()
                        .total())
                .isZero();
    }

    @Test
    void pagesStatementsNewestClosingDateFirstTakingTheEndOfThePeriodWhenThereIsNoClosingDate() {
        String account = Ibans.randomGerman();
        BankFileId file = newFile();
        // A year of its own, so that no other test's statements fall in the period filters without an account.
        LocalDate base = LocalDate.of(3000 + ThreadLocalRandom.current().nextInt(5000), 1, 1);
        BankStatement tenth = dated(file, 0, account, base.plusDays(10), base.plusDays(10));
        BankStatement twentieth = dated(file, 1, account, base.plusDays(20), base.plusDays(19));
        BankStatement fifteenthByPeriod = dated(file, 2, account, null, base.plusDays(15));
        BankStatement undated = dated(file, 3, account, null, null);
        BankStatement otherAccount = dated(file, 4, Ibans.randomGerman(), base.plusDays(12), null);
        for (BankStatement s : List.of(tenth, twentieth, fifteenthByPeriod, undated, otherAccount)) {
            statements.save(s).block();
        }

        Page<BankStatement> first =
                statements.page(account, null, null, new PageRequest(0, 2)).block();
        Page<BankStatement> second =
                statements.page(account, null, null, new PageRequest(1, 2)).block();
        assertThat(first.items()).containsExactly(twentieth, fifteenthByPeriod);
        assertThat(first.total()).isEqualTo(4);
        assertThat(second.items()).containsExactly(tenth, undated);
        assertThat(second.total()).isEqualTo(4);

        assertThat(ids(statements.page(account, base.plusDays(12), null, new PageRequest(0, 20))))
                .containsExactly(twentieth.bankStatementId(), fifteenthByPeriod.bankStatementId());
        assertThat(ids(statements.page(account, null, base.plusDays(15), new PageRequest(0, 20))))
                .containsExactly(fifteenthByPeriod.bankStatementId(), tenth.bankStatementId());
        assertThat(ids(statements.page(null, base.plusDays(10), base.plusDays(15), new PageRequest(0, 20))))
                .containsExactly(
                        fifteenthByPeriod.bankStatementId(), otherAccount.bankStatementId(), tenth.bankStatementId());
        Page<BankStatement> none = statements
                .page(account, base.plusDays(21), null, new PageRequest(0, 20))
                .block();
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void givesTheNewestStatementOfEachCollectionAccountNeitherReportsNorUnknownAccounts() {
        BankFileId file = newFile();
        BankFileId later = newFile();
        String a = Ibans.randomGerman();
        String b = Ibans.randomGerman();
        String unknown = Ibans.randomGerman();
        LocalDate day = LocalDate.of(2026, 5, 10);
        BankStatement aOlder =
                at(statement(file, 0, a, "PRT-A", StatementKind.STATEMENT, "M", 1L, "S1", 1L, null), day, NOW);
        BankStatement aNewer = at(
                statement(file, 1, a, "PRT-A", StatementKind.STATEMENT, "M", 2L, "S2", 2L, null), day.plusDays(1), NOW);
        BankStatement aReport =
                at(statement(file, 2, a, "PRT-A", StatementKind.REPORT, "R", 3L, "R3", 3L, null), day.plusDays(2), NOW);
        BankStatement bFirst =
                at(statement(file, 3, b, "PRT-B", StatementKind.STATEMENT, "M", 1L, "S1", 1L, null), day, NOW);
        BankStatement bBookedLater = at(
                statement(later, 0, b, "PRT-B", StatementKind.STATEMENT, "M", 1L, "S1-corrected", 1L, null),
                day,
                NOW.plusSeconds(60));
        BankStatement unknownAccount =
                at(statement(file, 4, unknown, null, StatementKind.STATEMENT, "M", 1L, "S1", 1L, null), day, NOW);
        for (BankStatement s : List.of(aOlder, aNewer, aReport, bFirst, bBookedLater, unknownAccount)) {
            statements.save(s).block();
        }

        List<BankStatement> last = statements
                .lastPerAccount()
                .filter(s -> List.of(a, b, unknown).contains(s.account()))
                .collectList()
                .block();

        assertThat(last).containsExactlyInAnyOrder(aNewer, bBookedLater);
    }

    @Test
    void findsTheBankTransferCreditsOfAnAccountByReferenceAndByPeriodWithoutDuplicates() {
        TestPortal portal = new ApiClient(web).newPortal();
        String account = portal.collectionIban();
        String other = Ibans.randomGerman();
        String r1 = reference();
        String r2 = reference();
        String r5 = reference();
        String r6 = reference();
        String c1 = credit("BANK_TRANSFER", account, r1, "100.50", LocalDate.of(2026, 3, 10), "MATCHED");
        String c2 = credit("BANK_TRANSFER", account, r2, "200", LocalDate.of(2026, 3, 12), "UNIDENTIFIED");
        credit("BANK_TRANSFER", account, r1, "100.50", LocalDate.of(2026, 3, 11), "DUPLICATE_FEED");
        String cardReference = reference();
        credit("CARD", account, cardReference, "30", LocalDate.of(2026, 3, 11), "MATCHED");
        String otherReference = reference();
        credit("BANK_TRANSFER", other, otherReference, "40", LocalDate.of(2026, 3, 11), "MATCHED");
        String c6 = credit("BANK_TRANSFER", account, r5, "60", LocalDate.of(2026, 3, 20), "MATCHED");
        String c7 = credit("BANK_TRANSFER", account, r6, "70", null, "MATCHED");
        String c8 = credit("BANK_TRANSFER", account, reference(), "80", LocalDate.of(2026, 3, 15), "MATCHED");

        assertThat(books.portalOf(account).block()).isEqualTo(PortalId.of(portal.portalId()));
        assertThat(books.portalOf(other).blockOptional()).isEmpty();

        Map<String, RecordedCredit> byReference = books.creditsByReference(
                        account, List.of(r1, r2, r5, r6, cardReference, otherReference, "UNKNOWN-REF"))
                .block();
        assertThat(byReference)
                .containsOnly(
                        Map.entry(
                                r1, new RecordedCredit(c1, new BigDecimal("100.50"), "EUR", LocalDate.of(2026, 3, 10))),
                        Map.entry(r2, new RecordedCredit(c2, new BigDecimal("200"), "EUR", LocalDate.of(2026, 3, 12))),
                        Map.entry(r5, new RecordedCredit(c6, new BigDecimal("60"), "EUR", LocalDate.of(2026, 3, 20))),
                        Map.entry(r6, new RecordedCredit(c7, new BigDecimal("70"), "EUR", null)));
        assertThat(books.creditsByReference(account, List.of()).block()).isEmpty();

        List<BookCredit> inPeriod = books.creditsIn(
                        account, new Period(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 15)))
                .collectList()
                .block();
        assertThat(inPeriod).extracting(BookCredit::notificationId).containsExactly(c1, c2, c8);
        assertThat(inPeriod.get(0))
                .isEqualTo(new BookCredit(c1, r1, new BigDecimal("100.50"), "EUR", LocalDate.of(2026, 3, 10)));
    }

    @Test
    void marksWhereTheNamedCreditsCameFrom() {
        String account = Ibans.randomGerman();
        String c1 = credit("BANK_TRANSFER", account, reference(), "10", LocalDate.of(2026, 3, 10), "MATCHED");
        String c2 = credit("BANK_TRANSFER", account, reference(), "20", LocalDate.of(2026, 3, 10), "MATCHED");
        String untouched = credit("BANK_TRANSFER", account, reference(), "30", LocalDate.of(2026, 3, 10), "MATCHED");

        books.markSource(List.of(c1, c2), "BANK_FILE").block();
        books.markSource(List.of(c2), "STATEMENT").block();
        books.markSource(List.of(), "STATEMENT").block();

        assertThat(source(c1)).isEqualTo("BANK_FILE");
        assertThat(source(c2)).isEqualTo("STATEMENT");
        assertThat(source(untouched)).isNull();
    }

    @Test
    void findsThePortalsExecutedBankTransfersByTheBankBookingDateOfTheirDebitElseTheUtcDayOfExecution() {
        String portal = IDS.next(IdPrefix.PORTAL);
        String i1 = instruction(portal, "EXECUTED", "BANK_TRANSFER", "2026-03-09T10:00:00Z");
        debit(i1, "EXECUTED", LocalDate.of(2026, 3, 11));
        String i2 = instruction(portal, "EXECUTED", "BANK_TRANSFER", "2026-03-15T23:30:00Z");
        String i3 = instruction(portal, "EXECUTED", "BANK_TRANSFER", "2026-03-12T08:00:00Z");
        debit(i3, "EXECUTED", null);
        String i4 = instruction(portal, "EXECUTED", "BANK_TRANSFER", "2026-03-12T08:00:00Z");
        debit(i4, "EXECUTED", LocalDate.of(2026, 3, 14));
        debit(i4, "EXECUTED", LocalDate.of(2026, 3, 13));
        String i5 = instruction(portal, "EXECUTED", "BANK_TRANSFER", "2026-03-20T08:00:00Z");
        debit(i5, "FAILED", LocalDate.of(2026, 3, 11));
        instruction(portal, "CREATED", "BANK_TRANSFER", null);
        instruction(portal, "EXECUTED", "CARD", "2026-03-12T08:00:00Z");
        instruction(IDS.next(IdPrefix.PORTAL), "EXECUTED", "BANK_TRANSFER", "2026-03-12T08:00:00Z");
        String i9 = instruction(portal, "EXECUTED", "BANK_TRANSFER", "2026-03-12T08:00:00Z");
        debit(i9, "EXECUTED", LocalDate.of(2026, 3, 16));

        List<BookExecution> executed = books.executionsIn(
                        PortalId.of(portal), new Period(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 15)))
                .collectList()
                .block();

        BigDecimal amount = new BigDecimal("12.34");
        assertThat(executed)
                .containsExactly(
                        new BookExecution(i1, amount, "EUR", LocalDate.of(2026, 3, 11)),
                        new BookExecution(i3, amount, "EUR", LocalDate.of(2026, 3, 12)),
                        new BookExecution(i4, amount, "EUR", LocalDate.of(2026, 3, 13)),
                        new BookExecution(i2, amount, "EUR", LocalDate.of(2026, 3, 15)));
    }

    /** Measured and logged, not asserted: the entries of a 100,000-entry statement, 500 a call, in one transaction. */
    @Test
    void savesTheEntriesOfAHundredThousandEntryStatement() {
        BankFileId file = newFile();
        BankStatement statement =
                statement(file, 0, Ibans.randomGerman(), null, StatementKind.STATEMENT, "BIG", 1L, "BIG", 1L, null);
        statements.save(statement).block();
        int total = 100_000;
        int batch = 500;
        List<List<StatementEntry>> batches = new ArrayList<>();
        for (int start = 0; start < total; start += batch) {
            List<StatementEntry> entries = new ArrayList<>(batch);
            for (int i = start; i < start + batch; i++) {
                entries.add(new StatementEntry(
                        i,
                        0,
                        Direction.CREDIT,
                        new BigDecimal("1100.00"),
                        "EUR",
                        LocalDate.of(2026, 3, 14),
                        "BR-" + i + "-" + statement.bankStatementId(),
                        "NTF-" + i + "-" + statement.bankStatementId(),
                        EntryOutcome.MATCHED,
                        null));
            }
            batches.add(entries);
        }

        long started = System.nanoTime();
        transactions
                .inTransaction(() -> Flux.fromIterable(batches)
                        .concatMap(entries -> statements.saveEntries(statement.bankStatementId(), entries))
                        .then())
                .block();
        long nanos = System.nanoTime() - started;

        log.info(
                "saveEntries: {} entries in {} calls of {} in {} ms, {} entries/s",
                total,
                batches.size(),
                batch,
                nanos / 1_000_000,
                total * 1_000_000_000L / nanos);
        assertThat(statements
                        .entries(statement.bankStatementId(), new PageRequest(199, 500))
                        .block())
                .satisfies(page -> {
                    assertThat(page.total()).isEqualTo(total);
                    assertThat(page.items().get(499).entryIndex()).isEqualTo(total - 1);
                });
    }

    private BankFileId newFile() {
        byte[] sha256 = new byte[32];
        ThreadLocalRandom.current().nextBytes(sha256);
        BankFileId id = IDS.nextBankFileId();
        BankFileId registered = files.register(
                        id,
                        new BankFileSource(sha256, 3, "API", null, () -> new ByteArrayInputStream(new byte[3])),
                        NOW)
                .block()
                .bankFileId();
        createdFiles.add(registered);
        return registered;
    }

    private static BankStatement statement(
            BankFileId file,
            int position,
            String account,
            String portalId,
            StatementKind kind,
            String messageId,
            Long sequenceNumber,
            String statementId,
            Long legalSequenceNumber,
            Integer pageNumber) {
        return new BankStatement(
                IDS.nextBankStatementId(),
                file,
                position,
                kind,
                account,
                portalId == null ? null : PortalId.of(portalId),
                statementId,
                messageId,
                sequenceNumber,
                legalSequenceNumber,
                pageNumber,
                null,
                null,
                "EUR",
                null,
                null,
                null,
                null,
                0,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                0,
                BigDecimal.ZERO,
                0,
                BigDecimal.ZERO,
                0,
                0,
                BigDecimal.ZERO,
                null,
                null,
                null,
                portalId == null ? "BOOKED" : "RECONCILED",
                null,
                NOW);
    }

    private static BankStatement dated(BankFileId file, int position, String account, LocalDate closing, LocalDate to) {
        BankStatement s = statement(
                file, position, account, "PRT-X", StatementKind.STATEMENT, "M", (long) position, "S", null, null);
        return copy(s, null, to, s.closingBalance(), closing, s.expectedClosingBalance(), s.bookedAt());
    }

    private static BankStatement withBalance(
            BankStatement s, BigDecimal closing, LocalDate closingDate, BigDecimal expected) {
        return copy(s, s.fromDate(), s.toDate(), closing, closingDate, expected, s.bookedAt());
    }

    private static BankStatement at(BankStatement s, LocalDate closingDate, Instant bookedAt) {
        return copy(s, s.fromDate(), s.toDate(), new BigDecimal("1.00"), closingDate, null, bookedAt);
    }

    private static BankStatement copy(
            BankStatement s,
            LocalDate from,
            LocalDate to,
            BigDecimal closing,
            LocalDate closingDate,
            BigDecimal expected,
            Instant bookedAt) {
        return new BankStatement(
                s.bankStatementId(),
                s.bankFileId(),
                s.position(),
                s.kind(),
                s.account(),
                s.portalId(),
                s.statementId(),
                s.messageId(),
                s.sequenceNumber(),
                s.legalSequenceNumber(),
                s.pageNumber(),
                from,
                to,
                s.currency(),
                s.openingBalance(),
                s.openingDate(),
                closing,
                closingDate,
                s.entries(),
                s.creditsSum(),
                s.debitsSum(),
                s.matched(),
                s.missed(),
                s.missedSum(),
                s.notOnStatement(),
                s.notOnStatementSum(),
                s.mismatched(),
                s.unexpectedDebits(),
                s.unexpectedDebitsSum(),
                expected,
                s.difference(),
                s.explained(),
                s.status(),
                s.problems(),
                bookedAt);
    }

    private static StatementEntry entry(
            int entryIndex, int transactionIndex, Direction direction, String amount, EntryOutcome outcome) {
        return new StatementEntry(
                entryIndex,
                transactionIndex,
                direction,
                new BigDecimal(amount),
                "EUR",
                LocalDate.of(2026, 3, 14),
                "BR-" + entryIndex + "-" + transactionIndex,
                "NTF-" + entryIndex + "-" + transactionIndex,
                outcome,
                "entry " + entryIndex + "/" + transactionIndex);
    }

    private static List<BankStatementId> ids(reactor.core.publisher.Mono<Page<BankStatement>> page) {
        return page.block().items().stream().map(BankStatement::bankStatementId).toList();
    }

    private BigDecimal expectedClosing(String account) {
        return database.sql("SELECT expected_closing FROM account_balance WHERE account = :account")
                .bind("account", account)
                .map(row -> row.get(0, BigDecimal.class))
                .one()
                .block();
    }

    private static String reference() {
        return "BR" + IDS.next(IdPrefix.BANK_FILE);
    }

    private String credit(
            String channel, String account, String reference, String amount, LocalDate bookingDate, String outcome) {
        String id = "NTF-" + IDS.next(IdPrefix.BANK_FILE);
        createdCredits.add(id);
        database.sql(
                        """
                        INSERT INTO credit (notification_id, channel, amount, currency, creditor_iban, bank_reference,
                                            booking_date, received_at, outcome, recorded_at)
                        VALUES (:id, :channel, :amount, 'EUR', :account, :reference, :bookingDate, :at, :outcome, :at)""")
                .bind("id", id)
                .bind("channel", channel)
                .bind("amount", new BigDecimal(amount))
                .bind("account", account)
                .bind("reference", reference)
                .bind("bookingDate", Sql.nullable(bookingDate, LocalDate.class))
                .bind("at", Sql.timestamp(NOW))
                .bind("outcome", outcome)
                .then()
                .block();
        return id;
    }

    private String source(String notificationId) {
        return database.sql("SELECT source FROM credit WHERE notification_id = :id")
                .bind("id", notificationId)
                .map(row -> Optional.ofNullable(row.get("source", String.class)))
                .one()
                .block()
                .orElse(null);
    }

    private String instruction(String portal, String status, String channel, String executedAt) {
        String id = IDS.next(IdPrefix.PAYMENT_INSTRUCTION);
        createdInstructions.add(id);
        database.sql(
                        """
                        INSERT INTO payment_instruction (instruction_id, type, channel, status, amount, currency,
                                                         portal_id, created_at, updated_at, executed_at)
                        VALUES (:id, 'REFUND', :channel, :status, 12.34, 'EUR', :portal, :at, :at, :executedAt)""")
                .bind("id", id)
                .bind("channel", channel)
                .bind("status", status)
                .bind("portal", portal)
                .bind("at", Sql.timestamp(NOW))
                .bind("executedAt", Sql.nullableTimestamp(executedAt == null ? null : Instant.parse(executedAt)))
                .then()
                .block();
        return id;
    }

    private void debit(String instruction, String status, LocalDate bookingDate) {
        database.sql(
                        """
                        INSERT INTO debit (notification_id, instruction_id, status, amount, currency, booking_date,
                                           outcome, recorded_at)
                        VALUES (:id, :instruction, :status, 12.34, 'EUR', :bookingDate, 'APPLIED', :at)""")
                .bind("id", "NTF-" + IDS.next(IdPrefix.BANK_FILE))
                .bind("instruction", instruction)
                .bind("status", status)
                .bind("bookingDate", Sql.nullable(bookingDate, LocalDate.class))
                .bind("at", Sql.timestamp(NOW))
                .then()
                .block();
    }
}
