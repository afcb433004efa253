package io.crowdrecon.recon.bankfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankFileItem.Transaction;
import io.crowdrecon.recon.bankfile.EntryNotification.Credit;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionExecuted;
import io.crowdrecon.recon.bankfile.EntryNotification.InstructionReturned;
import io.crowdrecon.recon.bankfile.EntryNotification.Invalid;
import io.crowdrecon.recon.bankfile.EntryNotification.NotBooked;
import io.crowdrecon.recon.bankfile.EntryNotification.UnexpectedDebit;
import io.crowdrecon.recon.matching.CreditChannel;
import io.crowdrecon.recon.matching.IncomingCredit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule of issue 19's item 2 and per edge a bank's file has. Each row starts from a booked credit of
 * 1100.00 EUR to the collection account, with one transaction from Mario Rossi naming his order, and changes what the
 * row is about; the expected outcome is written the same way.
 */
class EntryNotificationsTests {

    private static final String ACCOUNT = "IT60X0542811101000000123456";
    private static final String PAYER_IBAN = "NL91ABNA0417164300";
    private static final String ORDER = "TRX1234567890123428";
    private static final String OUR_INSTRUCTION = "PI23456789ABCDEFGH";
    private static final LocalDate BOOKED_ON = LocalDate.parse("2025-03-10");
    private static final LocalDate VALUE_ON = LocalDate.parse("2025-03-11");
    private static final StatementContext STATEMENT =
            new StatementContext(BankFileFormat.CAMT_053, "MSG-0310", "STMT-0310", ACCOUNT, null);

    static Stream<Arguments> rules() {
        return Stream.of(
                // 1. only booked entries are decided
                row(
                        "reports a pending credit and decides nothing",
                        entry(e -> e.status("PDNG")),
                        notBooked("PDNG", "BR-2025-000123")),
                row(
                        "reports an information-only debit and decides nothing",
                        entry(e -> e.status("INFO").direction(Direction.DEBIT)),
                        notBooked("INFO", "BR-2025-000123")),
                row(
                        "reports a pending entry with problems it would have once booked, without judging them",
                        entry(e -> e.status("PDNG").amount("10.001")),
                        notBooked("PDNG", "BR-2025-000123")),
                row("decides a booked entry", entry(e -> e.status("BOOK")), credit(c -> c)),
                row(
                        "decides an entry without status, as MT940 writes them",
                        entry(e -> e.status(null)),
                        credit(c -> c)),
                // 2. what cannot be money is not booked
                row(
                        "refuses an amount with more decimals than its currency",
                        entry(e -> e.amount("1100.001")),
                        invalid(
                                "Entry 1 of statement STMT-0310 of message MSG-0310: amount 1100.001 EUR",
                                "with at most 2 decimals")),
                row(
                        "refuses decimals in a currency without minor unit",
                        entry(e -> e.currency("JPY").amount("1100.5")),
                        invalid("amount 1100.5 JPY", "with at most 0 decimals")),
                row(
                        "refuses a code that is no currency",
                        entry(e -> e.currency("EUX")),
                        invalid("currency 'EUX' is no ISO 4217 code")),
                row("refuses an amount of zero", entry(e -> e.amount("0.00")), invalid("is not greater than 0")),
                row(
                        "refuses a transaction amount with more decimals than its currency",
                        entry(e -> e.transactions(tx(t -> t.amount("1100.001")))),
                        invalid("a transaction's amount 1100.001 EUR")),
                row(
                        "refuses a booked entry without any date",
                        entry(e -> e.bookingDate(null).valueDate(null)),
                        invalid("booked without a booking or value date")),
                // 3. a credit entry: one bank transfer, its fields
                row("turns a booked credit into one bank transfer", entry(e -> e), credit(c -> c)),
                row(
                        "counts a credit on its value date when the bank gives no booking date",
                        entry(e -> e.bookingDate(null)),
                        credit(c -> c.bookingDate(VALUE_ON))),
                row(
                        "keeps a trailing zero of the amount",
                        entry(e -> e.amount("1100.50")),
                        credit(c -> c.amount("1100.50"))),
                row(
                        "decides a credit in any currency, as written",
                        entry(e -> e.currency("KWD").amount("12.345")),
                        credit(c -> c.currency("KWD").amount("12.345"))),
                row(
                        "joins the unstructured lines with one space, trimmed, blank ones left out",
                        entry(e -> e.transactions(
                                tx(t -> t.unstructured(" Sottoscrizione TRX12345678 ", "", "90123428")))),
                        credit(c -> c.description("Sottoscrizione TRX12345678 90123428"))),
                row(
                        "has no description without unstructured remittance",
                        entry(e -> e.transactions(tx(t -> t.unstructured()))),
                        credit(c -> c.description(null))),
                row(
                        "takes the first structured reference",
                        entry(e -> e.transactions(tx(t -> t.structured("RF18" + ORDER, "INV-7")))),
                        credit(c -> c.structuredReference("RF18" + ORDER))),
                row(
                        "writes the payer's IBAN in electronic format and keeps the payer's name as written",
                        entry(e -> e.transactions(tx(t -> t.debtor("ROSSI MARIO ", "nl91 abna 0417 1643 00")))),
                        credit(c -> c.payer("ROSSI MARIO", PAYER_IBAN))),
                row(
                        "has no payer when the bank names none",
                        entry(e -> e.transactions(tx(t -> t.debtor(null, null)))),
                        credit(c -> c.payer(null, null))),
                row(
                        "decides an entry without transaction details as one credit without payer or remittance",
                        entry(e -> e.transactions()),
                        credit(c -> c.description(null).payer(null, null))),
                row(
                        "credits the account named by its other id when it has no IBAN",
                        new StatementContext(BankFileFormat.MT940, "940-1", "940-1", null, " 50010517/0648489890 "),
                        entry(e -> e),
                        credit(c -> c.creditorIban("50010517/0648489890"))),
                row(
                        "credits the account's IBAN in electronic format",
                        new StatementContext(
                                BankFileFormat.CAMT_054, "054-1", "N-1", "it60 x054 2811 1010 0000 0123 456", null),
                        entry(e -> e),
                        credit(c -> c)),
                // 3. the bank reference
                row(
                        "takes the transaction's AcctSvcrRef before the entry's",
                        entry(e -> e.transactions(tx(t -> t.reference("TX-REF-1")))),
                        credit(c -> c.bankReference("TX-REF-1"))),
                row(
                        "takes the entry's NtryRef when there is no AcctSvcrRef",
                        entry(e -> e.reference(null).entryReference("NTRY-9")),
                        credit(c -> c.bankReference("NTRY-9"))),
                row(
                        "takes MT940's NONREF for no reference",
                        entry(e -> e.reference("NONREF").entryReference("NTRY-9")),
                        credit(c -> c.bankReference("NTRY-9"))),
                row("trims the bank's reference", entry(e -> e.reference(" BR-2025-000123 ")), credit(c -> c)),
                row(
                        "makes up a digest when the bank gives no reference at all",
                        entry(e -> e.reference(null).entryReference("NOTPROVIDED")),
                        credit(c -> c.bankReference(DIGEST))),
                // 3. batch entries
                row(
                        "splits a batch credit into one credit per transaction, numbering the entry's reference",
                        entry(e -> e.amount("600.00")
                                .transactions(
                                        tx(t -> t.amount("100.00").debtor("Anna Bianchi", null)),
                                        tx(t -> t.amount("200.00")),
                                        tx(t -> t.amount("300.00").unstructured("Quote TRX9876543210987606")))),
                        credit(c -> c.amount("100.00")
                                .bankReference("BR-2025-000123/1")
                                .payer("Anna Bianchi", null)),
                        credit(c -> c.amount("200.00").bankReference("BR-2025-000123/2")),
                        credit(c -> c.amount("300.00")
                                .bankReference("BR-2025-000123/3")
                                .description("Quote TRX9876543210987606"))),
                row(
                        "numbers the NtryRef of a batch when there is no AcctSvcrRef",
                        entry(e -> e.reference(null)
                                .entryReference("NTRY-9")
                                .amount("300.00")
                                .transactions(tx(t -> t.amount("100.00")), tx(t -> t.amount("200.00")))),
                        credit(c -> c.amount("100.00").bankReference("NTRY-9/1")),
                        credit(c -> c.amount("200.00").bankReference("NTRY-9/2"))),
                row(
                        "uses each batch transaction's own reference",
                        entry(e -> e.amount("300.00")
                                .transactions(tx(t -> t.amount("100.00").reference("TX-1")), tx(t -> t.amount("200.00")
                                        .reference("TX-2")))),
                        credit(c -> c.amount("100.00").bankReference("TX-1")),
                        credit(c -> c.amount("200.00").bankReference("TX-2"))),
                row(
                        "does not use a reference the transactions of a batch share",
                        entry(e -> e.amount("300.00")
                                .transactions(
                                        tx(t -> t.amount("100.00").reference("BR-2025-000123")),
                                        tx(t -> t.amount("200.00").reference("BR-2025-000123")))),
                        credit(c -> c.amount("100.00").bankReference("BR-2025-000123/1")),
                        credit(c -> c.amount("200.00").bankReference("BR-2025-000123/2"))),
                row(
                        "keeps a batch whose amounts do not add up as one credit of the entry's amount",
                        entry(e -> e.amount("600.00")
                                .transactions(tx(t -> t.amount("100.00")), tx(t -> t.amount("200.00")))),
                        credit(c -> c.amount("600.00").description(null).payer(null, null))),
                row(
                        "keeps a batch whose transactions give no amounts as one credit of the entry's amount",
                        entry(e -> e.amount("600.00").transactions(tx(t -> t), tx(t -> t))),
                        credit(c -> c.amount("600.00").description(null).payer(null, null))),
                row(
                        "gives a single transaction the entry's amount: what was booked, after the bank's charges",
                        entry(e -> e.amount("1099.50").transactions(tx(t -> t.amount("1100.00")))),
                        credit(c -> c.amount("1099.50"))),
                // SPEC rule 2: our own payment coming back
                row(
                        "brings back our instruction returned for a closed account (AC04)",
                        entry(e -> e.transactions(
                                tx(t -> t.endToEndId(OUR_INSTRUCTION).returnReason("AC04")))),
                        creditReturning(OUR_INSTRUCTION, "AC04", c -> c)),
                row(
                        "brings back our instruction returned as a duplicate (AM05), named by its instruction id",
                        entry(e -> e.transactions(tx(t -> t.endToEndId("NOTPROVIDED")
                                .instructionId(OUR_INSTRUCTION)
                                .returnReason("AM05")))),
                        creditReturning(OUR_INSTRUCTION, "AM05", c -> c)),
                row(
                        "brings back our instruction returned for no reason given (MS03)",
                        entry(e -> e.transactions(
                                tx(t -> t.endToEndId(OUR_INSTRUCTION).returnReason("MS03")))),
                        creditReturning(OUR_INSTRUCTION, "MS03", c -> c)),
                row(
                        "decides as any credit a return that names none of our instructions, keeping its reason",
                        entry(e ->
                                e.transactions(tx(t -> t.endToEndId("E2E-4711").returnReason("AC04")))),
                        creditReturning(null, "AC04", c -> c)),
                row(
                        "does not take a malformed instruction id for one of ours",
                        entry(e -> e.transactions(tx(t -> t.endToEndId("PI2345").returnReason("AC04")))),
                        creditReturning(null, "AC04", c -> c)),
                row(
                        "does not take a credit naming our instruction without saying it is a return for one",
                        entry(e -> e.transactions(tx(t -> t.endToEndId(OUR_INSTRUCTION)))),
                        credit(c -> c)),
                // a credit with RvslInd: the bank takes back a debit
                row(
                        "brings back our instruction when the bank reverses its debit",
                        entry(e -> e.reversal(true).transactions(tx(t -> t.endToEndId(OUR_INSTRUCTION)))),
                        creditReturning(OUR_INSTRUCTION, null, c -> c)),
                row(
                        "decides as any credit a reversal that names none of our instructions",
                        entry(e -> e.reversal(true)),
                        credit(c -> c)),
                // debit entries
                row(
                        "confirms our instruction named by the end-to-end id",
                        debit(e -> e.transactions(tx(t -> t.endToEndId(OUR_INSTRUCTION)))),
                        executed(OUR_INSTRUCTION, "1100.00", "BR-2025-000123")),
                row(
                        "confirms our instruction named by the instruction id",
                        debit(e -> e.transactions(
                                tx(t -> t.endToEndId("NOTPROVIDED").instructionId(OUR_INSTRUCTION)))),
                        executed(OUR_INSTRUCTION, "1100.00", "BR-2025-000123")),
                row(
                        "fails our instruction the bank returns on a debit for a closed account (AC04)",
                        debit(e -> e.transactions(
                                tx(t -> t.endToEndId(OUR_INSTRUCTION).returnReason("AC04")))),
                        returned(OUR_INSTRUCTION, "AC04", "1100.00")),
                row(
                        "fails our instruction the bank returns on a debit as a duplicate (AM05)",
                        debit(e -> e.transactions(
                                tx(t -> t.endToEndId(OUR_INSTRUCTION).returnReason("AM05")))),
                        returned(OUR_INSTRUCTION, "AM05", "1100.00")),
                row(
                        "fails our instruction the bank returns on a debit for no reason given (MS03)",
                        debit(e -> e.transactions(
                                tx(t -> t.endToEndId(OUR_INSTRUCTION).returnReason("MS03")))),
                        returned(OUR_INSTRUCTION, "MS03", "1100.00")),
                row(
                        "confirms each of our payouts the bank books as one batch debit",
                        debit(e -> e.amount("300.00")
                                .transactions(
                                        tx(t -> t.amount("100.00").endToEndId(OUR_INSTRUCTION)),
                                        tx(t -> t.amount("200.00").endToEndId("PI3456789ABCDEFGHJ")))),
                        executed(OUR_INSTRUCTION, "100.00", "BR-2025-000123/1"),
                        executed("PI3456789ABCDEFGHJ", "200.00", "BR-2025-000123/2")),
                row(
                        "leaves open the amount of a payout in a batch debit that does not itemise it",
                        debit(e -> e.amount("300.00")
                                .transactions(
                                        tx(t -> t.endToEndId(OUR_INSTRUCTION)),
                                        tx(t -> t.endToEndId("PI3456789ABCDEFGHJ")))),
                        executed(OUR_INSTRUCTION, null, "BR-2025-000123/1"),
                        executed("PI3456789ABCDEFGHJ", null, "BR-2025-000123/2")),
                row(
                        "flags ISO 20022 bank charges as an unexpected debit",
                        debit(e -> e.amount("2.50").code("ACMT/MDOP/CHRG").transactions()),
                        unexpected(
                                "2.50",
                                "DEBIT of 2.50 EUR booked 2025-03-10 (bank reference BR-2025-000123",
                                "looks like bank charges (code ACMT/MDOP/CHRG)",
                                "ops decide")),
                row(
                        "flags MT940 charges as an unexpected debit",
                        debit(e ->
                                e.amount("2.50").code("NCHG").transactions(tx(t -> t.unstructured("Kontofuehrung")))),
                        unexpected("2.50", "looks like bank charges (code NCHG)", "\"Kontofuehrung\"")),
                row(
                        "flags the bank taking back a credit (RvslInd) as an unexpected debit",
                        debit(e -> e.reversal(true)),
                        unexpected("1100.00", "reverses an earlier credit (RvslInd)")),
                row(
                        "flags a reversal even when it names our instruction",
                        debit(e -> e.reversal(true).transactions(tx(t -> t.endToEndId(OUR_INSTRUCTION)))),
                        unexpected("1100.00", "reverses an earlier credit")),
                row(
                        "flags a debit naming an unknown reference, saying what it names",
                        debit(e -> e.transactions(
                                tx(t -> t.endToEndId("ABC-1").creditor("Acme Srl", "DE89370400440532013000")))),
                        unexpected(
                                "1100.00",
                                "to Acme Srl DE89370400440532013000",
                                "names 'ABC-1', which is none of our instruction ids")),
                row(
                        "flags a debit naming nothing",
                        debit(e -> e.transactions(tx(t -> t.endToEndId("NOTPROVIDED")))),
                        unexpected("1100.00", "names none of our instructions")),
                row(
                        "flags the return of a payment that is not ours",
                        debit(e ->
                                e.transactions(tx(t -> t.endToEndId("E2E-4711").returnReason("AC04")))),
                        unexpected("1100.00", "returns a payment (reason AC04) that is none of our instructions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void decidesWhatEachEntryBecomes(String behaviour, StatementContext context, Entry entry, List<Expect> expected) {
        List<EntryNotification> actual = EntryNotifications.of(context).decide(entry);

        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).check(actual.get(i));
        }
    }

    // --- notification ids and references: the same booking is the same notification ---

    @Test
    void givesTheSameCreditTheSameNotificationInTheDaysCamt054AndTheEveningsCamt053() {
        StatementContext notification = new StatementContext(
                BankFileFormat.CAMT_054, "054-MSG-1", "054-NTF-7", "IT60 X054 2811 1010 0000 0123 456", null);
        Entry seenInTheDay = entry(e -> e.index(0).status("BOOK").amount("1100.0"));
        Entry seenInTheEvening = entry(e -> e.index(41).status("BOOK"));

        IncomingCredit day = creditOf(EntryNotifications.of(notification).decide(seenInTheDay));
        IncomingCredit evening = creditOf(EntryNotifications.of(STATEMENT).decide(seenInTheEvening));

        assertThat(evening.notificationId()).isEqualTo(day.notificationId());
        assertThat(evening.bankReference()).isEqualTo(day.bankReference());
        assertThat(evening.creditorIban()).isEqualTo(day.creditorIban());
    }

    @Test
    void givesTheSameDigestToTwoReadingsOfOneBookingWithoutReference() {
        Entry inTheDay = entry(e -> e.reference(null).amount("1100.0").transactions(tx(t -> t.debtor(
                        "Mario  Rossi", "nl91 abna 0417 1643 00")
                .unstructured("Sottoscrizione " + ORDER, " campagna Rossi "))));
        Entry inTheEvening = entry(e -> e.reference(null).index(12));

        IncomingCredit day = creditOf(EntryNotifications.of(STATEMENT).decide(inTheDay));
        IncomingCredit evening = creditOf(EntryNotifications.of(STATEMENT).decide(inTheEvening));

        assertThat(day.bankReference()).matches("SHA:[0-9a-f]{64}").isEqualTo(evening.bankReference());
        assertThat(day.notificationId()).isEqualTo(evening.notificationId());
    }

    @Test
    void makesADifferentDigestForADifferentBooking() {
        String digest = referenceOf(STATEMENT, entry(e -> e.reference(null)));

        assertThat(List.of(
                        referenceOf(STATEMENT, entry(e -> e.reference(null).amount("1100.01"))),
                        referenceOf(STATEMENT, entry(e -> e.reference(null).currency("CHF"))),
                        referenceOf(STATEMENT, entry(e -> e.reference(null).bookingDate(VALUE_ON))),
                        referenceOf(STATEMENT, entry(e -> e.reference(null)
                                .transactions(tx(t -> t.debtor("Mario Rossi", "DE89370400440532013000"))))),
                        referenceOf(STATEMENT, entry(e -> e.reference(null)
                                .transactions(tx(t -> t.debtor("Maria Rossi", PAYER_IBAN))))),
                        referenceOf(STATEMENT, entry(e -> e.reference(null)
                                .transactions(tx(t -> t.unstructured("Quote"))))),
                        referenceOf(STATEMENT, entry(e -> e.reference(null)
                                .transactions(tx(t -> t.structured("RF18" + ORDER))))),
                        referenceOf(STATEMENT, entry(e -> e.reference(null).direction(Direction.DEBIT))),
                        referenceOf(
                                new StatementContext(BankFileFormat.CAMT_053, "M", "S", "DE89370400440532013000", null),
                                entry(e -> e.reference(null)))))
                .doesNotContain(digest)
                .doesNotHaveDuplicates();
    }

    @Test
    void keepsTwoIdenticalPaymentsWithoutReferenceTwoCreditsAndNumbersThemAlikeOnRedelivery() {
        Entry payment = entry(e -> e.reference(null));
        EntryNotifications firstReading = EntryNotifications.of(STATEMENT);
        EntryNotifications redelivery = EntryNotifications.of(STATEMENT);

        IncomingCredit first = creditOf(firstReading.decide(payment));
        IncomingCredit second = creditOf(firstReading.decide(payment));

        assertThat(second.bankReference()).isEqualTo(first.bankReference() + "/2");
        assertThat(second.notificationId()).isNotEqualTo(first.notificationId());
        assertThat(creditOf(redelivery.decide(payment))).isEqualTo(first);
        assertThat(creditOf(redelivery.decide(payment))).isEqualTo(second);
    }

    @Test
    void neverGivesTwoAccountsTheSameNotificationId() {
        StatementContext otherAccount =
                new StatementContext(BankFileFormat.CAMT_053, "MSG-0310", "STMT-0310", "DE89370400440532013000", null);

        String here =
                creditOf(EntryNotifications.of(STATEMENT).decide(entry(e -> e))).notificationId();
        String there = creditOf(EntryNotifications.of(otherAccount).decide(entry(e -> e)))
                .notificationId();

        assertThat(here).isNotEqualTo(there);
    }

    @Test
    void keepsNotificationIdsShortAndTellsMoneyInFromMoneyOut() {
        EntryNotifications decider = EntryNotifications.of(STATEMENT);

        String in = decider.decide(entry(e -> e)).get(0).notificationId();
        String out = decider.decide(debit(e -> e)).get(0).notificationId();
        String pending = decider.decide(entry(e -> e.status("PDNG"))).get(0).notificationId();

        assertThat(in).matches("BFC[A-Z2-7]{24}");
        assertThat(out).matches("BFD[A-Z2-7]{24}");
        assertThat(pending).matches("BFN[A-Z2-7]{24}");
        assertThat(out.substring(3)).isNotEqualTo(in.substring(3));
    }

    /**
     * Ids already recorded must be recognised after any change of the code: this pins the recipe. The values were
     * checked outside Java: base32 (RFC 4648) of the first 15 bytes of SHA-256("BFC" US account US reference).
     */
    @Test
    void keepsTheNotificationIdOfABookingStableAcrossReleases() {
        assertThat(EntryNotifications.of(STATEMENT).decide(entry(e -> e)).get(0).notificationId())
                .isEqualTo(PINNED_CREDIT_ID);
        assertThat(EntryNotifications.of(STATEMENT).decide(debit(e -> e)).get(0).notificationId())
                .isEqualTo(PINNED_DEBIT_ID);
    }

    @Test
    void givesEachDebitOutcomeTheSameIdWhenTheFileIsReadAgain() {
        Entry charges = debit(
                e -> e.amount("2.50").code("ACMT/MDOP/CHRG").reference(null).transactions());
        Entry payout = debit(e -> e.transactions(tx(t -> t.endToEndId(OUR_INSTRUCTION))));

        assertThat(EntryNotifications.of(STATEMENT).decide(charges))
                .isEqualTo(EntryNotifications.of(STATEMENT).decide(charges));
        assertThat(EntryNotifications.of(STATEMENT).decide(payout))
                .isEqualTo(EntryNotifications.of(STATEMENT).decide(payout));
    }

    @Test
    void receivesTheMoneyAtTheStartOfItsBookingDayInUtc() {
        IncomingCredit credit = creditOf(EntryNotifications.of(STATEMENT).decide(entry(e -> e)));

        assertThat(credit.receivedAt()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
    }

    @Test
    void readsItsContextFromTheFileAndTheStatement() {
        FileHeader file = new FileHeader(BankFileFormat.MT940, null, "940-MSG", null);
        StatementStart start = new StatementStart(
                "940-STMT", null, "50010517/0648489890", "EUR", 12L, null, 1, null, null, null, null, null, null);

        assertThat(StatementContext.of(file, start))
                .isEqualTo(
                        new StatementContext(BankFileFormat.MT940, "940-MSG", "940-STMT", null, "50010517/0648489890"));
    }

    // --- what a row expects ---

    private static final String DIGEST = "(a digest)";
    private static final String PINNED_CREDIT_ID = "BFCAGIZ5FN3RL3UVUVUIGQFXEHT";
    private static final String PINNED_DEBIT_ID = "BFD7GDTXFZUICK6TCERBXE37MVM";

    /** One expected outcome, checked against the actual one at the same position. */
    interface Expect {
        void check(EntryNotification actual);
    }

    private static Expect credit(UnaryOperator<ExpectedCredit> changes) {
        return creditReturning(null, null, changes);
    }

    private static Expect creditReturning(
            String instructionId, String returnReason, UnaryOperator<ExpectedCredit> changes) {
        // The matcher gets the bank's reason with a return of one of our instructions, for the instruction's failure.
        IncomingCredit expected = changes.apply(new ExpectedCredit()
                        .returnOfInstructionId(instructionId)
                        .returnReason(instructionId == null ? null : returnReason))
                .build();
        return actual -> {
            assertThat(actual).isInstanceOf(Credit.class);
            Credit credit = (Credit) actual;
            assertThat(credit.returnReason()).isEqualTo(returnReason);
            assertThat(credit.notificationId()).matches("BFC[A-Z2-7]{24}");
            if (DIGEST.equals(expected.bankReference())) {
                assertThat(credit.bankReference()).matches("SHA:[0-9a-f]{64}");
            }
            assertThat(credit.credit())
                    .usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .ignoringFields(
                            DIGEST.equals(expected.bankReference())
                                    ? new String[] {"notificationId", "bankReference"}
                                    : new String[] {"notificationId"})
                    .isEqualTo(expected);
        };
    }

    private static Expect executed(String instructionId, String amount, String bankReference) {
        return actual -> {
            assertThat(actual).isInstanceOf(InstructionExecuted.class);
            InstructionExecuted executed = (InstructionExecuted) actual;
            assertThat(executed.instructionId()).isEqualTo(instructionId);
            assertThat(executed.bankReference()).isEqualTo(bankReference);
            assertAmount(executed.amount(), amount);
            assertThat(executed.currency()).isEqualTo("EUR");
            assertThat(executed.bookingDate()).isEqualTo(BOOKED_ON);
            assertThat(executed.notificationId()).matches("BFD[A-Z2-7]{24}");
        };
    }

    private static Expect returned(String instructionId, String reasonCode, String amount) {
        return actual -> {
            assertThat(actual).isInstanceOf(InstructionReturned.class);
            InstructionReturned returned = (InstructionReturned) actual;
            assertThat(returned.instructionId()).isEqualTo(instructionId);
            assertThat(returned.reasonCode()).isEqualTo(reasonCode);
            assertAmount(returned.amount(), amount);
            assertThat(returned.bookingDate()).isEqualTo(BOOKED_ON);
            assertThat(returned.notificationId()).matches("BFD[A-Z2-7]{24}");
        };
    }

    private static Expect unexpected(String amount, String... detailSays) {
        return actual -> {
            assertThat(actual).isInstanceOf(UnexpectedDebit.class);
            UnexpectedDebit unexpected = (UnexpectedDebit) actual;
            assertAmount(unexpected.amount(), amount);
            assertThat(unexpected.detail()).contains(detailSays);
            assertThat(unexpected.notificationId()).matches("BFD[A-Z2-7]{24}");
        };
    }

    private static Expect notBooked(String status, String bankReference) {
        return actual -> {
            assertThat(actual).isInstanceOf(NotBooked.class);
            NotBooked notBooked = (NotBooked) actual;
            assertThat(notBooked.status()).isEqualTo(status);
            assertThat(notBooked.bankReference()).isEqualTo(bankReference);
            assertThat(notBooked.why()).contains(status + ", not booked");
            assertThat(notBooked.notificationId()).matches("BFN[A-Z2-7]{24}");
        };
    }

    private static Expect invalid(String... reasonSays) {
        return actual -> {
            assertThat(actual).isInstanceOf(Invalid.class);
            assertThat(((Invalid) actual).reason()).contains(reasonSays);
        };
    }

    private static void assertAmount(BigDecimal actual, String expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }

    // --- test data: a booked credit of 1100.00 EUR from Mario Rossi for his order ---

    private static Arguments row(String behaviour, Entry entry, Expect... expected) {
        return row(behaviour, STATEMENT, entry, expected);
    }

    private static Arguments row(String behaviour, StatementContext context, Entry entry, Expect... expected) {
        return Arguments.of(behaviour, context, entry, List.of(expected));
    }

    private static IncomingCredit creditOf(List<EntryNotification> outcomes) {
        assertThat(outcomes).hasSize(1).first().isInstanceOf(Credit.class);
        return ((Credit) outcomes.get(0)).credit();
    }

    private static String referenceOf(StatementContext context, Entry entry) {
        return EntryNotifications.of(context).decide(entry).get(0).bankReference();
    }

    static Entry entry(UnaryOperator<EntryBuilder> changes) {
        return changes.apply(new EntryBuilder()).build();
    }

    static Entry debit(UnaryOperator<EntryBuilder> changes) {
        return changes.apply(new EntryBuilder().direction(Direction.DEBIT).transactions(tx(t -> t.debtor(null, null)
                        .unstructured())))
                .build();
    }

    static Transaction tx(UnaryOperator<TransactionBuilder> changes) {
        return changes.apply(new TransactionBuilder()).build();
    }

    static final class EntryBuilder {
        private int index;
        private Direction direction = Direction.CREDIT;
        private boolean reversal;
        private BigDecimal amount = new BigDecimal("1100.00");
        private String currency = "EUR";
        private String status = "BOOK";
        private LocalDate bookingDate = BOOKED_ON;
        private LocalDate valueDate = VALUE_ON;
        private String reference = "BR-2025-000123";
        private String entryReference;
        private String code = "PMNT/RCDT/ESCT";
        private String additionalInfo;
        private List<Transaction> transactions = List.of(tx(t -> t));

        EntryBuilder index(int value) {
            index = value;
            return this;
        }

        EntryBuilder direction(Direction value) {
            direction = value;
            return this;
        }

        EntryBuilder reversal(boolean value) {
            reversal = value;
            return this;
        }

        EntryBuilder amount(String value) {
            amount = new BigDecimal(value);
            return this;
        }

        EntryBuilder currency(String value) {
            currency = value;
            return this;
        }

        EntryBuilder status(String value) {
            status = value;
            return this;
        }

        EntryBuilder bookingDate(LocalDate value) {
            bookingDate = value;
            return this;
        }

        EntryBuilder valueDate(LocalDate value) {
            valueDate = value;
            return this;
        }

        EntryBuilder reference(String value) {
            reference = value;
            return this;
        }

        EntryBuilder entryReference(String value) {
            entryReference = value;
            return this;
        }

        EntryBuilder code(String value) {
            code = value;
            return this;
        }

        EntryBuilder additionalInfo(String value) {
            additionalInfo = value;
            return this;
        }

        EntryBuilder transactions(Transaction... value) {
            transactions = List.of(value);
            return this;
        }

        Entry build() {
            return new Entry(
                    index,
                    direction,
                    reversal,
                    amount,
                    currency,
                    status,
                    bookingDate,
                    valueDate,
                    reference,
                    entryReference,
                    code,
                    additionalInfo,
                    transactions);
        }
    }

    static final class TransactionBuilder {
        private BigDecimal amount;
        private String currency;
        private String reference;
        private String endToEndId;
        private String instructionId;
        private String debtorName = "Mario Rossi";
        private String debtorIban = PAYER_IBAN;
        private String creditorName;
        private String creditorIban;
        private List<String> unstructured = List.of("Sottoscrizione " + ORDER, "campagna Rossi");
        private List<String> structured = List.of();
        private String returnReason;

        TransactionBuilder amount(String value) {
            amount = new BigDecimal(value);
            currency = "EUR";
            return this;
        }

        TransactionBuilder reference(String value) {
            reference = value;
            return this;
        }

        TransactionBuilder endToEndId(String value) {
            endToEndId = value;
            return this;
        }

        TransactionBuilder instructionId(String value) {
            instructionId = value;
            return this;
        }

        TransactionBuilder debtor(String name, String iban) {
            debtorName = name;
            debtorIban = iban;
            return this;
        }

        TransactionBuilder creditor(String name, String iban) {
            creditorName = name;
            creditorIban = iban;
            return this;
        }

        TransactionBuilder unstructured(String... lines) {
            unstructured = List.of(lines);
            return this;
        }

        TransactionBuilder structured(String... references) {
            structured = List.of(references);
            return this;
        }

        TransactionBuilder returnReason(String value) {
            returnReason = value;
            return this;
        }

        Transaction build() {
            return new Transaction(
                    amount,
                    currency,
                    reference,
                    endToEndId,
                    instructionId,
                    null,
                    debtorName,
                    debtorIban,
                    creditorName,
                    creditorIban,
                    new ArrayList<>(unstructured),
                    structured,
                    returnReason,
                    null);
        }
    }

    /** The bank transfer the default entry becomes. */
    private static final class ExpectedCredit {
        private BigDecimal amount = new BigDecimal("1100.00");
        private String currency = "EUR";
        private String creditorIban = ACCOUNT;
        private String bankReference = "BR-2025-000123";
        private String description = "Sottoscrizione " + ORDER + " campagna Rossi";
        private String structuredReference;
        private String payerName = "Mario Rossi";
        private String payerIban = PAYER_IBAN;
        private String returnOfInstructionId;
        private String returnReason;
        private LocalDate bookingDate = BOOKED_ON;

        ExpectedCredit amount(String value) {
            amount = new BigDecimal(value);
            return this;
        }

        ExpectedCredit currency(String value) {
            currency = value;
            return this;
        }

        ExpectedCredit creditorIban(String value) {
            creditorIban = value;
            return this;
        }

        ExpectedCredit bankReference(String value) {
            bankReference = value;
            return this;
        }

        ExpectedCredit description(String value) {
            description = value;
            return this;
        }

        ExpectedCredit structuredReference(String value) {
            structuredReference = value;
            return this;
        }

        ExpectedCredit payer(String name, String iban) {
            payerName = name;
            payerIban = iban;
            return this;
        }

        ExpectedCredit returnReason(String value) {
            returnReason = value;
            return this;
        }

        ExpectedCredit returnOfInstructionId(String value) {
            returnOfInstructionId = value;
            return this;
        }

        ExpectedCredit bookingDate(LocalDate value) {
            bookingDate = value;
            return this;
        }

        IncomingCredit build() {
            return new IncomingCredit(
                    "(any)",
                    CreditChannel.BANK_TRANSFER,
                    amount,
                    currency,
                    creditorIban,
                    bankReference,
                    description,
                    structuredReference,
                    payerName,
                    payerIban,
                    null,
                    null,
                    returnOfInstructionId,
                    returnReason,
                    bookingDate,
                    bookingDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    null);
        }
    }
}
