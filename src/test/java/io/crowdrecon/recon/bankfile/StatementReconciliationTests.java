package io.crowdrecon.recon.bankfile;

import static io.crowdrecon.recon.bankfile.EntryNotificationsTests.debit;
import static io.crowdrecon.recon.bankfile.EntryNotificationsTests.entry;
import static io.crowdrecon.recon.bankfile.EntryNotificationsTests.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.EntryNotification.Credit;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionExecuted;
import io.crowdrecon.recon.bankfile.StatementBreak.Kind;
import io.crowdrecon.recon.bankfile.StatementReconciliation.BookCredit;
import io.crowdrecon.recon.bankfile.StatementReconciliation.BookExecution;
import io.crowdrecon.recon.bankfile.StatementReconciliation.CreditCheck;
import io.crowdrecon.recon.bankfile.StatementReconciliation.Period;
import io.crowdrecon.recon.bankfile.StatementReconciliation.PreviousStatement;
import io.crowdrecon.recon.bankfile.StatementReconciliation.Verdict;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.matching.RecordedCredit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule of issue 19's item 3 and per edge. Each row is a camt.053 of the collection account for 2025-03-10,
 * opening at 1000.00 EUR, closing at whatever its booked entries make (unless the row says otherwise), reconciled
 * against books the row describes. The rows run the way the integration will: entries through
 * {@link EntryNotifications}, the books looked up before the statement is booked, the missed credits and the debits
 * of our instructions booked, then the period's credits and executions handed over.
 */
class StatementReconciliationTests {

    private static final String ACCOUNT = "IT60X0542811101000000123456";
    private static final LocalDate DAY = LocalDate.parse("2025-03-10");
    private static final LocalDate DAY_BEFORE = DAY.minusDays(1);
    private static final String PAYOUT = "PI23456789ABCDEFGH";
    private static final String RETURN = "PI3456789ABCDEFGHJ";
    private static final String NOT_OURS = "PI456789ABCDEFGHJK";

    // --- arithmetic: a statement that does not add up is INVALID, and nothing in it is booked ---

    static Stream<Arguments> arithmetic() {
        return Stream.of(
                valid("adds up: opening + credits − debits = closing", s -> s.credit("R1", "100.00")
                        .payout(PAYOUT, "40.00")),
                valid("adds up with a debit (negative) opening balance", s -> s.opening("-100.00")
                        .credit("R1", "300.00")),
                valid("adds up without entries when the balance does not move", s -> s),
                valid(
                        "adds up by value whatever scale the bank wrote",
                        s -> s.opening("1000").credit("R1", "100.0").closing("1100.000")),
                valid("adds up to a debit (negative) closing balance", s -> s.payout(PAYOUT, "1040.00")),
                valid("leaves a pending entry out of the booked balance", s -> s.credit("R1", "100.00")
                        .entry(entry(e -> e.status("PDNG").reference("R2")))),
                valid("checks the declared totals against all entries, pending ones included", s -> s.credit(
                                "R1", "100.00")
                        .payout(PAYOUT, "40.00")
                        .entry(entry(e -> e.status("PDNG").reference("R2").amount("10.00")))
                        .declared(3L, "150.00")),
                invalid(
                        "is off by a cent",
                        s -> s.credit("R1", "100.00").payout(PAYOUT, "40.00").closing("1060.01"),
                        "Statement STMT-0310: opening 1000.00 EUR + credits 100.00 EUR − debits 40.00 EUR ="
                                + " 1060.00 EUR, but its closing balance is 1060.01 EUR"),
                invalid(
                        "counts a pending entry in its closing balance",
                        s -> s.credit("R1", "100.00")
                                .entry(entry(e -> e.status("PDNG").reference("R2")))
                                .closing("2200.00"),
                        "credits 100.00 EUR − debits 0.00 EUR = 1100.00 EUR, but its closing balance is 2200.00 EUR"),
                invalid(
                        "has no opening balance",
                        s -> s.noOpening(),
                        "it has no opening booked balance (camt OPBD or PRCD, MT940 :60F: or :60M:)"),
                invalid("has no closing balance", s -> s.noClosing(), "it has no closing booked balance"),
                invalid(
                        "has its closing balance in another currency than the account's",
                        s -> s.closingIn("CHF"),
                        "its closing balance is in CHF, not in the account's EUR"),
                invalid(
                        "holds an entry in another currency than the account's",
                        s -> s.entry(entry(e -> e.currency("CHF"))).closing("1000.00"),
                        "1 entry is not money of the account: entry 1 is in CHF, not in the account's EUR"),
                invalid(
                        "holds an amount with more decimals than the currency has",
                        s -> s.entry(entry(e -> e.amount("100.001"))).closing("1100.001"),
                        "Entry 1 of statement STMT-0310 of message MSG-0310: amount 100.001 EUR"),
                invalid(
                        "has a balance with more decimals than the currency has",
                        s -> s.opening("1000.005").closing("1000.005"),
                        "its opening balance 1000.005 has more than 2 decimals"),
                invalid(
                        "declares another number of entries than it holds",
                        s -> s.credit("R1", "100.00").declared(2L, null),
                        "it declares 2 entries but holds 1"),
                invalid(
                        "declares another sum of entries than its entries make",
                        s -> s.credit("R1", "100.00").payout(PAYOUT, "40.00").declared(null, "60.00"),
                        "it declares entries summing to 60.00 but its entries sum to 140.00"),
                invalid(
                        "names an account currency that is no ISO 4217 code",
                        s -> s.accountCurrency("EUX"),
                        "its account's currency 'EUX' is no ISO 4217 code"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arithmetic")
    void judgesWhetherTheStatementAddsUp(String behaviour, Scenario scenario, String invalidReason) {
        StatementReport report = scenario.run().report();

        if (invalidReason == null) {
            assertThat(report.status()).isNotEqualTo(StatementStatus.INVALID);
            assertThat(report.invalidReason()).isNull();
        } else {
            assertThat(report.status()).isEqualTo(StatementStatus.INVALID);
            assertThat(report.invalidReason()).contains(invalidReason);
            assertThat(report.expectedClosingBalance()).isNull();
            assertThat(report.difference()).isNull();
        }
    }

    @Test
    void answersWhetherTheStatementAddsUpBeforeAnythingIsBooked() {
        StatementArithmetic arithmetic = StatementArithmetic.begin(start(s -> s));
        arithmetic.add(entry(e -> e.amount("100.00")));
        arithmetic.add(debit(e -> e.amount("40.00")));
        arithmetic.end(new StatementEnd(new Balance(new BigDecimal("1060.00"), "EUR", DAY), null));

        assertThat(arithmetic.invalidReason()).isEmpty();
        assertThat(arithmetic.credits()).isEqualTo(new Tally(1, new BigDecimal("100.00")));
        assertThat(arithmetic.debits()).isEqualTo(new Tally(1, new BigDecimal("40.00")));
    }

    // --- continuity with the account's previous booked statement: STATEMENT_GAP, still booked ---

    static Stream<Arguments> continuity() {
        return Stream.of(
                gap("has nothing to follow as the account's first statement", s -> s.previous(null)),
                gap("follows the previous statement", s -> s.sequence(11L)),
                gap("follows the previous MT940 page", s -> s.previous(
                                previous(p -> p.sequence(11L).page(1)))
                        .sequence(11L)
                        .page(2)),
                gap("has nothing to compare without sequence numbers", s -> s.sequence(null)),
                gap(
                        "skips a sequence number",
                        s -> s.sequence(13L),
                        "Its sequence number 13 follows 10: 2 statement(s) missing"),
                gap(
                        "repeats the previous sequence number",
                        s -> s.sequence(10L),
                        "Its sequence number 10 does not follow 10 of previous statement STMT-0307"),
                gap(
                        "opens at another balance than the previous statement closed at",
                        s -> s.opening("1000.01"),
                        "It opens at 1000.01 EUR, but previous statement STMT-0307 closed at 1000.00 EUR on 2025-03-07:"
                                + " 0.01 EUR moved between them that no statement shows"),
                gap(
                        "closes before the previous statement",
                        s -> s.closingOn(LocalDate.parse("2025-03-06")).period(null, null),
                        "It closes on 2025-03-06, before previous statement STMT-0307 (2025-03-07)"),
                gap(
                        "names every way it does not follow",
                        s -> s.sequence(12L).opening("990.00"),
                        "It opens at 990.00 EUR",
                        "Its sequence number 12 follows 10: 1 statement(s) missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuity")
    void checksTheStatementFollowsThePreviousOne(String behaviour, Scenario scenario, List<String> gaps) {
        StatementReport report = scenario.run().report();

        assertThat(report.gaps()).hasSize(gaps.size());
        for (int i = 0; i < gaps.size(); i++) {
            assertThat(report.gaps().get(i)).contains(gaps.get(i));
        }
        List<StatementBreak> gapBreaks = report.breaks().stream()
                .filter(b -> b.kind() == Kind.STATEMENT_GAP)
                .toList();
        assertThat(gapBreaks).hasSize(gaps.isEmpty() ? 0 : 1);
        assertThat(report.status()).isEqualTo(gaps.isEmpty() ? StatementStatus.RECONCILED : StatementStatus.BREAKS);
    }

    // --- entry by entry: each credit of the statement against the books' credit of its bank reference ---

    static Stream<Arguments> entryByEntry() {
        return Stream.of(
                check(
                        "matches a credit the books hold alike",
                        s -> s.credit("R1", "100.00").books("R1", "100.00"),
                        verdict(Verdict.MATCHED, "is notification N-R1")),
                check(
                        "matches an amount the books write with other decimals, by value",
                        s -> s.credit("R1", "100.00").books("R1", "100"),
                        verdict(Verdict.MATCHED)),
                check(
                        "misses a credit the books do not hold: decided now from the statement",
                        s -> s.credit("R1", "100.00"),
                        verdict(
                                Verdict.MISSED,
                                "Credit R1 (100.00 EUR booked 2025-03-10) on statement STMT-0310",
                                "was never notified: decided now from the statement")),
                check(
                        "finds a different amount",
                        s -> s.credit("R1", "100.00").books("R1", "100.50"),
                        verdict(
                                Verdict.MISMATCHED,
                                "differs from notification N-R1 in the books:",
                                "amount 100.00 on the statement, 100.50 in the books")),
                check(
                        "finds a different currency",
                        s -> s.credit("R1", "100.00").books("R1", "100.00", "CHF", DAY),
                        verdict(Verdict.MISMATCHED, "currency EUR on the statement, CHF in the books")),
                check(
                        "finds a different booking date",
                        s -> s.credit("R1", "100.00").books("R1", "100.00", "EUR", DAY_BEFORE),
                        verdict(Verdict.MISMATCHED, "booked 2025-03-10 on the statement, 2025-03-09 in the books")),
                check(
                        "names every difference",
                        s -> s.credit("R1", "100.00").books("R1", "90.00", "EUR", DAY_BEFORE),
                        verdict(Verdict.MISMATCHED, "amount 100.00 on the statement, 90.00 in the books; booked")),
                check(
                        "finds a bank reference twice on the statement",
                        s -> s.credit("R1", "100.00").credit("R1", "100.00").books("R1", "100.00"),
                        verdict(Verdict.MATCHED),
                        verdict(
                                Verdict.MISMATCHED,
                                "appears again on the statement: the books hold its bank reference" + " once")),
                check(
                        "checks each credit of a batch entry on its own",
                        s -> s.entry(entry(e -> e.reference("B1")
                                        .amount("300.00")
                                        .transactions(tx(t -> t.amount("100.00")), tx(t -> t.amount("200.00")))))
                                .books("B1/1", "100.00"),
                        verdict(Verdict.MATCHED),
                        verdict(Verdict.MISSED)),
                check("checks no debit", s -> s.payout(PAYOUT, "40.00")),
                check("checks no pending credit", s -> s.entry(
                                entry(e -> e.status("PDNG").reference("R1")))
                        .books("R1", "1100.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryByEntry")
    void checksEachCreditAgainstTheBooks(String behaviour, Scenario scenario, List<Consumer<CreditCheck>> expected) {
        Run run = scenario.run();

        assertThat(run.checks()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).accept(run.checks().get(i));
        }
    }

    // --- the balance: expected closing, difference (bank − expected) and what the exceptions explain ---

    /**
     * The signs, row by row: difference = bank closing − expected closing; each exception explains its part of it.
     * Columns: status, matched, missed, not on statement, mismatched, unexpected debits (counts), expected closing,
     * difference, explained.
     */
    static Stream<Arguments> balances() {
        return Stream.of(
                // issue 19, "Done when"
                balance(
                        "reconciles a clean statement: every credit notified, our payout executed",
                        s -> s.credit("R1", "100.00")
                                .credit("R2", "200.00")
                                .payout(PAYOUT, "40.00")
                                .books("R1", "100.00")
                                .books("R2", "200.00")
                                .ourInstruction(PAYOUT, "40.00"),
                        expect(StatementStatus.RECONCILED, 2, 0, 0, 0, 0, "1260.00", "0.00", "0.00")),
                balance(
                        "yields exactly a missed notification M and a phantom P: difference −P, explained",
                        s -> s.credit("R1", "100.00")
                                .credit("M", "30.00")
                                .books("R1", "100.00")
                                .books("P", "50.00"),
                        expect(StatementStatus.BREAKS, 1, 1, 1, 0, 0, "1180.00", "-50.00", "-50.00")),
                // one exception at a time
                balance(
                        "explains nothing by a missed credit: decided now, it is on both sides",
                        s -> s.credit("M", "30.00"),
                        expect(StatementStatus.BREAKS, 0, 1, 0, 0, 0, "1030.00", "0.00", "0.00")),
                balance(
                        "explains −its amount by a credit not on the statement",
                        s -> s.books("P", "50.00"),
                        expect(StatementStatus.BREAKS, 0, 0, 1, 0, 0, "1050.00", "-50.00", "-50.00")),
                balance(
                        "explains nothing by a credit not on the statement in another currency: not in the balance",
                        s -> s.books("P", "50.00", "CHF", DAY),
                        expect(StatementStatus.BREAKS, 0, 0, 1, 0, 0, "1000.00", "0.00", "0.00")),
                balance(
                        "explains bank − books by a credit of another amount",
                        s -> s.credit("R1", "100.00").books("R1", "100.50"),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 1, 0, "1100.50", "-0.50", "-0.50")),
                balance(
                        "explains the bank amount by a credit the books hold on another day, outside the period",
                        s -> s.credit("R1", "100.00").books("R1", "100.00", "EUR", DAY_BEFORE),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 1, 0, "1000.00", "100.00", "100.00")),
                balance(
                        "explains the bank amount by a credit the books hold in another currency",
                        s -> s.credit("R1", "100.00").books("R1", "100.00", "CHF", DAY),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 1, 0, "1000.00", "100.00", "100.00")),
                balance(
                        "explains the bank amount by a bank reference the statement repeats",
                        s -> s.credit("R1", "100.00").credit("R1", "100.00").books("R1", "100.00"),
                        expect(StatementStatus.BREAKS, 1, 0, 0, 1, 0, "1100.00", "100.00", "100.00")),
                balance(
                        "explains the bank amount by a credit the books hold alike but booked outside the period",
                        s -> s.entry(entry(
                                        e -> e.reference("R1").amount("100.00").bookingDate(DAY_BEFORE)))
                                .books("R1", "100.00", "EUR", DAY_BEFORE),
                        expect(StatementStatus.BREAKS, 1, 0, 0, 0, 0, "1000.00", "100.00", "100.00")),
                balance(
                        "explains −its amount by bank charges",
                        s -> s.entry(
                                debit(e -> e.reference("FEE-1").amount("2.50").code("ACMT/MDOP/CHRG"))),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 1, "1000.00", "-2.50", "-2.50")),
                balance(
                        "explains −its amount by the bank taking back a credit",
                        s -> s.entry(
                                debit(e -> e.reference("RV-1").amount("30.00").reversal(true))),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 1, "1000.00", "-30.00", "-30.00")),
                balance(
                        "explains −its amount by our instruction the bank returns on a debit: failed in the books",
                        s -> s.entry(debit(
                                        e -> e.reference("RT-1").amount("40.00").transactions(tx(t -> t.endToEndId(
                                                        PAYOUT)
                                                .returnReason("AC04")))))
                                .ourInstruction(PAYOUT, "40.00"),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 1, "1000.00", "-40.00", "-40.00")),
                balance(
                        "explains −its amount by an instruction the bank executed that the books do not",
                        s -> s.payout(NOT_OURS, "40.00"),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 0, "1000.00", "-40.00", "-40.00")),
                balance(
                        "explains −its amount by our payout debited for another amount than the books executed",
                        s -> s.payout(PAYOUT, "45.00").executedInBooks(PAYOUT, "40.00", DAY),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 0, "960.00", "-5.00", "-5.00")),
                balance(
                        "explains +its amount by our payout executed in the books that the statement does not debit",
                        s -> s.executedInBooks(PAYOUT, "40.00", DAY),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 0, "960.00", "40.00", "40.00")),
                balance(
                        "explains −its amount by our payout debited twice",
                        s -> s.payout(PAYOUT, "40.00").payout(PAYOUT, "40.00").ourInstruction(PAYOUT, "40.00"),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 0, "960.00", "-40.00", "-40.00")),
                balance(
                        "reconciles a batch of our payouts the bank does not itemise, by the books' executions",
                        s -> s.entry(debit(e -> e.reference("BATCH-1")
                                        .amount("300.00")
                                        .transactions(tx(t -> t.endToEndId(PAYOUT)), tx(t -> t.endToEndId(RETURN)))))
                                .ourInstruction(PAYOUT, "100.00")
                                .ourInstruction(RETURN, "200.00"),
                        expect(StatementStatus.RECONCILED, 0, 0, 0, 0, 0, "700.00", "0.00", "0.00")),
                balance(
                        "explains −the rest by debits neither the bank nor the books itemise",
                        s -> s.entry(debit(e -> e.reference("BATCH-1")
                                        .amount("300.00")
                                        .transactions(tx(t -> t.endToEndId(PAYOUT)), tx(t -> t.endToEndId(NOT_OURS)))))
                                .ourInstruction(PAYOUT, "100.00"),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 0, "900.00", "-200.00", "-200.00")),
                balance(
                        "reconciles our payout coming back as a credit the day's notification already brought",
                        s -> s.entry(entry(
                                        e -> e.reference("RT-2").amount("40.00").transactions(tx(t -> t.endToEndId(
                                                        PAYOUT)
                                                .returnReason("AC04")))))
                                .books("RT-2", "40.00"),
                        expect(StatementStatus.RECONCILED, 1, 0, 0, 0, 0, "1040.00", "0.00", "0.00")),
                balance(
                        "reconciles a statement whose pending entry moves no booked balance",
                        s -> s.credit("R1", "100.00").books("R1", "100.00").entry(entry(e -> e.status("PDNG")
                                .reference("R2")
                                .amount("500.00"))),
                        expect(StatementStatus.RECONCILED, 1, 0, 0, 0, 0, "1100.00", "0.00", "0.00")),
                // the books' balance runs on from the previous statement
                balance(
                        "runs on from the previous statement's closing balance",
                        s -> s.previous(previous(p -> p.closing("1000.00")))
                                .credit("R1", "100.00")
                                .books("R1", "100.00"),
                        expect(StatementStatus.RECONCILED, 1, 0, 0, 0, 0, "1100.00", "0.00", "0.00")),
                balance(
                        "judges each statement on its own period: an earlier phantom is not carried over",
                        s -> s.previous(previous(p -> p.closing("1000.00")))
                                .credit("R1", "100.00")
                                .books("R1", "100.00"),
                        expect(StatementStatus.RECONCILED, 1, 0, 0, 0, 0, "1100.00", "0.00", "0.00")),
                balance(
                        "explains opening − previous closing by a gap in the balances",
                        s -> s.previous(previous(p -> p.closing("990.00"))),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 0, "990.00", "10.00", "10.00")),
                balance(
                        "starts over from the opening balance when the account's currency changed",
                        s -> s.previous(previous(p -> p.closing("990.00").closingCurrency("CHF"))),
                        expect(StatementStatus.BREAKS, 0, 0, 0, 0, 0, "1000.00", "0.00", "0.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("balances")
    void balancesTheBooksAgainstTheBank(String behaviour, Scenario scenario, Consumer<StatementReport> expected) {
        expected.accept(scenario.run().report());
    }

    // --- the period: which booking dates the books hand over ---

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of(
                        "the statement's FrToDt",
                        scenario(s -> s.period(DAY_BEFORE, DAY)),
                        Optional.of(new Period(DAY_BEFORE, DAY))),
                Arguments.of(
                        "the closing balance's date, as MT940 gives no FrToDt",
                        scenario(s -> s.period(null, null).closingOn(DAY)),
                        Optional.of(new Period(DAY, DAY))),
                Arguments.of(
                        "its booked entries' first to last booking date, when the bank gives no other date",
                        scenario(s -> s.period(null, null)
                                .closingOn(null)
                                .entry(entry(
                                        e -> e.reference("R1").amount("10.00").bookingDate(DAY_BEFORE)))
                                .entry(entry(e -> e.reference("R2").amount("10.00")))
                                .entry(entry(
                                        e -> e.status("PDNG").reference("R3").bookingDate(DAY.plusDays(3))))),
                        Optional.of(new Period(DAY_BEFORE, DAY))),
                Arguments.of(
                        "none, when the statement has no date at all",
                        scenario(s -> s.period(null, null).closingOn(null)),
                        Optional.empty()));
    }

    @ParameterizedTest(name = "is {0}")
    @MethodSource("periods")
    void choosesThePeriodTheBooksAreComparedFor(String behaviour, Scenario scenario, Optional<Period> period) {
        assertThat(scenario.run().reconciliation().period()).isEqualTo(period);
    }

    // --- the report as the API shows it ---

    @Test
    void reportsTheMissedAndPhantomCaseAsTheStatementApiShowsIt() {
        Run run = scenario(s -> s.credit("R1", "100.00")
                        .credit("M", "30.00")
                        .payout(PAYOUT, "40.00")
                        .entry(entry(e -> e.status("PDNG").reference("R9").amount("7.00")))
                        .books("R1", "100")
                        .books("P", "50.00")
                        .ourInstruction(PAYOUT, "40.00"))
                .run();

        StatementReport report = run.report();

        assertThat(report.status()).isEqualTo(StatementStatus.BREAKS);
        assertThat(report.currency()).isEqualTo("EUR");
        assertThat(report.opening().amount()).isEqualByComparingTo("1000.00");
        assertThat(report.closing().amount()).isEqualByComparingTo("1090.00");
        assertThat(report.from()).isEqualTo(DAY);
        assertThat(report.to()).isEqualTo(DAY);
        assertThat(report.entries()).isEqualTo(new Tally(4, new BigDecimal("177.00")));
        assertThat(report.credits()).isEqualTo(new Tally(2, new BigDecimal("130.00")));
        assertThat(report.debits()).isEqualTo(new Tally(1, new BigDecimal("40.00")));
        assertThat(report.notBooked()).isEqualTo(1);
        assertThat(report.matched()).isEqualTo(new Tally(1, new BigDecimal("100.00")));
        assertThat(report.missed()).isEqualTo(new Tally(1, new BigDecimal("30.00")));
        assertThat(report.notOnStatement()).isEqualTo(new Tally(1, new BigDecimal("50.00")));
        assertThat(report.mismatched()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
        assertThat(report.unexpectedDebits()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
        assertThat(report.booksCredits()).isEqualTo(new BigDecimal("180.00"));
        assertThat(report.booksExecuted()).isEqualTo(new BigDecimal("40.00"));
        assertThat(report.expectedClosingBalance()).isEqualTo(new BigDecimal("1140.00"));
        assertThat(report.difference()).isEqualTo(new BigDecimal("-50.00"));
        assertThat(report.explained()).isEqualTo(new BigDecimal("-50.00"));
        assertThat(report.gaps()).isEmpty();
        assertThat(report.invalidReason()).isNull();
        assertThat(report.breaks()).singleElement().satisfies(phantom -> {
            assertThat(phantom.kind()).isEqualTo(Kind.NOT_ON_STATEMENT);
            assertThat(phantom.subjectId()).isEqualTo("N-P");
            assertThat(phantom.amount()).isEqualByComparingTo("50.00");
            assertThat(phantom.explains()).isEqualByComparingTo("-50.00");
            assertThat(phantom.detail())
                    .contains("Credit N-P (bank reference P, 50.00 EUR booked 2025-03-10) is in the books but"
                            + " not on statement STMT-0310 of message MSG-0310 of " + ACCOUNT
                            + " for 2025-03-10");
        });
        assertThat(run.checks()).extracting(CreditCheck::verdict).containsExactly(Verdict.MATCHED, Verdict.MISSED);
    }

    @Test
    void asksForTheBooksOnlyOnceTheStatementHasEndedAndAddsUp() {
        StatementReconciliation notEnded = StatementReconciliation.begin(context(), start(s -> s), null);
        assertThatIllegalStateException().isThrownBy(notEnded::period);
        assertThatIllegalStateException().isThrownBy(notEnded::report);
        assertThatIllegalStateException()
                .isThrownBy(() -> notEnded.bookCredit(new BookCredit("N-1", "R1", BigDecimal.ONE, "EUR", DAY)));

        Run invalid = scenario(s -> s.closing("1.00")).run();
        assertThatIllegalStateException().isThrownBy(() -> invalid.reconciliation()
                .bookExecution(new BookExecution(PAYOUT, BigDecimal.ONE, "EUR", DAY)));
    }

    // --- rows ---

    private static Arguments valid(String behaviour, UnaryOperator<Scenario> changes) {
        return Arguments.of(behaviour, scenario(changes), null);
    }

    private static Arguments invalid(String behaviour, UnaryOperator<Scenario> changes, String reason) {
        return Arguments.of(behaviour, scenario(changes), reason);
    }

    private static Arguments gap(String behaviour, UnaryOperator<Scenario> changes, String... gaps) {
        return Arguments.of(
                behaviour,
                scenario(s -> changes.apply(s.previous(previous(p -> p)).sequence(11L))),
                List.of(gaps));
    }

    @SafeVarargs
    private static Arguments check(
            String behaviour, UnaryOperator<Scenario> changes, Consumer<CreditCheck>... expected) {
        return Arguments.of(behaviour, scenario(changes), List.of(expected));
    }

    private static Consumer<CreditCheck> verdict(Verdict verdict, String... detailSays) {
        return check -> {
            assertThat(check.verdict()).isEqualTo(verdict);
            for (String says : detailSays) {
                assertThat(check.detail()).contains(says);
            }
            assertThat(check.onBooks() == null)
                    .isEqualTo(verdict == Verdict.MISSED || check.detail().contains("again"));
        };
    }

    private static Arguments balance(
            String behaviour, UnaryOperator<Scenario> changes, Consumer<StatementReport> expected) {
        return Arguments.of(behaviour, scenario(changes), expected);
    }

    private static Consumer<StatementReport> expect(
            StatementStatus status,
            long matched,
            long missed,
            long notOnStatement,
            long mismatched,
            long unexpectedDebits,
            String expectedClosing,
            String difference,
            String explained) {
        return report -> {
            assertThat(report.status()).isEqualTo(status);
            assertThat(List.of(
                            report.matched().count(),
                            report.missed().count(),
                            report.notOnStatement().count(),
                            report.mismatched().count(),
                            report.unexpectedDebits().count()))
                    .as("matched, missed, not on statement, mismatched, unexpected debits")
                    .containsExactly(matched, missed, notOnStatement, mismatched, unexpectedDebits);
            assertThat(report.expectedClosingBalance()).as("expected closing").isEqualByComparingTo(expectedClosing);
            assertThat(report.difference()).as("difference").isEqualByComparingTo(difference);
            assertThat(report.explained()).as("explained").isEqualByComparingTo(explained);
            assertThat(report.difference())
                    .as("bank closing − expected closing")
                    .isEqualByComparingTo(report.closing().amount().subtract(report.expectedClosingBalance()));
        };
    }

    // --- the scenario: a statement, the books, and the integration's steps ---

    private static Scenario scenario(UnaryOperator<Scenario> changes) {
        return changes.apply(new Scenario());
    }

    private static StatementContext context() {
        return new StatementContext(BankFileFormat.CAMT_053, "MSG-0310", "STMT-0310", ACCOUNT, null);
    }

    private static StatementStart start(UnaryOperator<Scenario> changes) {
        return scenario(changes).start();
    }

    private static PreviousStatement previous(UnaryOperator<Previous> changes) {
        return changes.apply(new Previous()).build();
    }

    /** What a run of the scenario gives: the reconciliation once fed, and the checks of its credits. */
    record Run(StatementReconciliation reconciliation, List<CreditCheck> checks) {
        StatementReport report() {
            return reconciliation.report();
        }
    }

    static final class Scenario {
        private String opening = "1000.00";
        private boolean hasOpening = true;
        private String closing;
        private boolean hasClosing = true;
        private String closingCurrency = "EUR";
        private LocalDate closingDate = DAY;
        private String accountCurrency = "EUR";
        private Long sequence;
        private Integer page;
        private LocalDate from = DAY;
        private LocalDate to = DAY;
        private Long declaredEntries;
        private BigDecimal declaredSum;
        private PreviousStatement previous;
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, BookCredit> booksCredits = new LinkedHashMap<>();
        private final Map<String, BigDecimal> ourInstructions = new HashMap<>();
        private final List<BookExecution> booksExecutions = new ArrayList<>();

        Scenario opening(String value) {
            opening = value;
            return this;
        }

        Scenario noOpening() {
            hasOpening = false;
            return this;
        }

        Scenario closing(String value) {
            closing = value;
            return this;
        }

        Scenario noClosing() {
            hasClosing = false;
            return this;
        }

        Scenario closingIn(String currency) {
            closingCurrency = currency;
            return this;
        }

        Scenario closingOn(LocalDate date) {
            closingDate = date;
            return this;
        }

        Scenario accountCurrency(String value) {
            accountCurrency = value;
            return this;
        }

        Scenario sequence(Long value) {
            sequence = value;
            return this;
        }

        Scenario page(Integer value) {
            page = value;
            return this;
        }

        Scenario period(LocalDate fromDate, LocalDate toDate) {
            from = fromDate;
            to = toDate;
            return this;
        }

        Scenario declared(Long count, String sum) {
            declaredEntries = count;
            declaredSum = sum == null ? null : new BigDecimal(sum);
            return this;
        }

        Scenario previous(PreviousStatement value) {
            previous = value;
            return this;
        }

        Scenario entry(Entry value) {
            entries.add(withIndex(value, entries.size()));
            return this;
        }

        /** A booked credit of {@code amount} EUR on the day, with bank reference {@code reference}. */
        Scenario credit(String reference, String amount) {
            return entry(
                    EntryNotificationsTests.entry(e -> e.reference(reference).amount(amount)));
        }

        /** A booked debit of {@code amount} EUR on the day, naming instruction {@code instructionId}. */
        Scenario payout(String instructionId, String amount) {
            return entry(EntryNotificationsTests.debit(e -> e.reference("D-" + (entries.size() + 1))
                    .amount(amount)
                    .transactions(tx(t -> t.endToEndId(instructionId)))));
        }

        /** A credit the books hold, notified as {@code N-reference}, booked on the day. */
        Scenario books(String reference, String amount) {
            return books(reference, amount, "EUR", DAY);
        }

        Scenario books(String reference, String amount, String currency, LocalDate bookedOn) {
            booksCredits.put(
                    reference, new BookCredit("N-" + reference, reference, new BigDecimal(amount), currency, bookedOn));
            return this;
        }

        /** One of our instructions, created: a debit of the bank naming it (for that amount) executes it. */
        Scenario ourInstruction(String instructionId, String amount) {
            ourInstructions.put(instructionId, new BigDecimal(amount));
            return this;
        }

        /** One of our instructions the books already hold as executed (a JSON DEBIT said so). */
        Scenario executedInBooks(String instructionId, String amount, LocalDate bookedOn) {
            booksExecutions.add(new BookExecution(instructionId, new BigDecimal(amount), "EUR", bookedOn));
            return this;
        }

        StatementStart start() {
            return new StatementStart(
                    "STMT-0310",
                    ACCOUNT,
                    null,
                    accountCurrency,
                    sequence,
                    null,
                    page,
                    from,
                    to,
                    null,
                    hasOpening ? new Balance(new BigDecimal(opening), "EUR", DAY_BEFORE) : null,
                    declaredEntries,
                    declaredSum);
        }

        StatementEnd end() {
            if (!hasClosing) {
                return new StatementEnd(null, null);
            }
            BigDecimal amount = closing != null ? new BigDecimal(closing) : bookedBalance();
            return new StatementEnd(new Balance(amount, closingCurrency, closingDate), null);
        }

        private BigDecimal bookedBalance() {
            BigDecimal balance = new BigDecimal(opening);
            for (Entry entry : entries) {
                if (EntryNotifications.isBooked(entry)) {
                    balance = entry.direction() == Direction.CREDIT
                            ? balance.add(entry.amount())
                            : balance.subtract(entry.amount());
                }
            }
            return balance;
        }

        /** Runs the statement as the integration will, booking what it would book. */
        Run run() {
            StatementContext context = context();
            StatementReconciliation reconciliation = StatementReconciliation.begin(context, start(), previous);
            EntryNotifications decider = EntryNotifications.of(context);
            Map<String, BookCredit> books = new LinkedHashMap<>(booksCredits);
            Map<String, BigDecimal> created = new HashMap<>(ourInstructions);
            List<BookExecution> executions = new ArrayList<>(booksExecutions);
            List<CreditCheck> checks = new ArrayList<>();
            for (Entry entry : entries) {
                List<EntryNotification> outcomes = decider.decide(entry);
                Map<String, RecordedCredit> lookedUp = new HashMap<>();
                for (EntryNotification outcome : outcomes) {
                    BookCredit held = books.get(outcome.bankReference());
                    if (outcome instanceof Credit && held != null) {
                        lookedUp.put(
                                held.bankReference(),
                                new RecordedCredit(
                                        held.notificationId(), held.amount(), held.currency(), held.bookingDate()));
                    }
                }
                List<CreditCheck> entryChecks = reconciliation.add(entry, outcomes, lookedUp);
                checks.addAll(entryChecks);
                for (CreditCheck check : entryChecks) {
                    if (check.verdict() == Verdict.MISSED) {
                        IncomingCredit credit = check.credit().credit();
                        books.put(
                                credit.bankReference(),
                                new BookCredit(
                                        credit.notificationId(),
                                        credit.bankReference(),
                                        credit.amount(),
                                        credit.currency(),
                                        credit.bookingDate()));
                    }
                }
                for (EntryNotification outcome : outcomes) {
                    if (outcome instanceof InstructionExecuted debit && created.containsKey(debit.instructionId())) {
                        BigDecimal instructed = created.get(debit.instructionId());
                        if (debit.amount() == null || debit.amount().compareTo(instructed) == 0) {
                            created.remove(debit.instructionId());
                            executions.add(
                                    new BookExecution(debit.instructionId(), instructed, "EUR", debit.bookingDate()));
                        }
                    }
                }
            }
            reconciliation.end(end());
            if (reconciliation.invalidReason().isEmpty()) {
                reconciliation.period().ifPresent(period -> {
                    books.values().stream()
                            .filter(credit -> period.contains(credit.bookingDate()))
                            .forEach(reconciliation::bookCredit);
                    executions.stream()
                            .filter(execution -> period.contains(execution.bookingDate()))
                            .forEach(reconciliation::bookExecution);
                });
            }
            return new Run(reconciliation, checks);
        }

        private static Entry withIndex(Entry entry, int index) {
            return new Entry(
                    index,
                    entry.direction(),
                    entry.reversal(),
                    entry.amount(),
                    entry.currency(),
                    entry.status(),
                    entry.bookingDate(),
                    entry.valueDate(),
                    entry.accountServicerReference(),
                    entry.entryReference(),
                    entry.bankTransactionCode(),
                    entry.additionalInfo(),
                    entry.transactions());
        }
    }

    static final class Previous {
        private Long sequence = 10L;
        private Integer page;
        private String closing = "1000.00";
        private String closingCurrency = "EUR";

        Previous sequence(Long value) {
            sequence = value;
            return this;
        }

        Previous page(Integer value) {
            page = value;
            return this;
        }

        Previous closing(String value) {
            closing = value;
            return this;
        }

        Previous closingCurrency(String value) {
            closingCurrency = value;
            return this;
        }

        PreviousStatement build() {
            return new PreviousStatement(
                    "STMT-0307",
                    sequence,
                    page,
                    new Balance(new BigDecimal(closing), closingCurrency, LocalDate.parse("2025-03-07")));
        }
    }
}
