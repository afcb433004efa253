package io.crowdrecon.recon.payment.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Answered;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Payment;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Recalled;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Recorded;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Reporter;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.TransferMove;
import io.crowdrecon.recon.payment.instruction.Debits.CreditSummary;
import io.crowdrecon.recon.payment.instruction.Debits.Outcome;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewStatus;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.RefundId;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.testing.Domain;
import io.crowdrecon.recon.unidentified.UnidentifiedTransitions;
import io.crowdrecon.recon.unidentified.UnidentifiedTrigger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC sections 4 and 6: what the bank's DEBITs (and the card gateway's answers) do to our instructions, and what a
 * recall of a credit does to the order it paid. Each case starts from instruction {@code PI1} of 100.00 EUR, or a
 * recall of credit {@code N1} that paid order {@link Domain#ORDER_ID} (1,100.00 EUR: 1,000.00 to the company, 100.00 fee).
 */
class BankDebitDecisionTests {

    private static final String ORDER_ID = Domain.ORDER_ID.value();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    final IdGenerator ids = Domain.ids(3);
    /** The first id the decision draws: the same seed, drawn once. */
    final ReviewItemId reviewId = Domain.ids(3).nextReviewItemId();

    // --- the answer to one of our instructions

    @Test
    void aDebitNamingNoInstructionOfOursChangesNothingAndOpensUnexpectedDebit() {
        BankDebitDecision decision = answer(executed(), Reporter.BANK, null);

        assertThat(decision)
                .isEqualTo(unexpected(
                        null, null, "DEBIT D1 names instruction PI1, which is not ours; nothing was changed"));
    }

    @ParameterizedTest(name = "{0} instruction of {1}, answered by the card gateway for portal {2}: answerable {3}")
    @CsvSource({
        "CARD,          P1, -,  true",
        "CARD,          P1, P1, true",
        "CARD,          P1, P2, false",
        // a webhook whose portal header is blank names no portal: it may answer none
        "CARD,          P1, '', false",
        "BANK_TRANSFER, P1, -,  false",
        "BANK_TRANSFER, P1, P1, false",
    })
    void theCardGatewayAnswersOnlyCardInstructionsOfThePortalWhoseWebhookReportedIt(
            PaymentChannel channel, String portal, String reportingPortal, boolean answerable) {
        PaymentInstruction instruction = instruction(InstructionStatus.CREATED, channel, portal, null);

        BankDebitDecision decision = answer(
                executed(), Reporter.cardGateway(reportingPortal.equals("-") ? null : reportingPortal), instruction);

        if (answerable) {
            assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
        } else {
            assertThat(decision)
                    .isEqualTo(unexpected(
                            null,
                            null,
                            "DEBIT D1 names instruction PI1, which it may not answer; nothing was changed"));
        }
    }

    @ParameterizedTest(name = "the bank answers a {0} instruction")
    @CsvSource({"BANK_TRANSFER", "CARD"})
    void theBankAnswersAnyInstructionOfOurs(PaymentChannel channel) {
        BankDebitDecision decision =
                answer(executed(), Reporter.BANK, instruction(InstructionStatus.CREATED, channel, "P1", null));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
    }

    @ParameterizedTest(name = "{0} {1} for an instruction of 100.00 EUR -> {2}")
    @CsvSource({
        "100.00, EUR, APPLIED",
        "100,    EUR, APPLIED",
        "100.00, -,   APPLIED",
        "-,      -,   APPLIED",
        "-,      CHF, APPLIED",
        "99.99,  EUR, UNEXPECTED",
        "100.01, -,   UNEXPECTED",
        "100.00, CHF, UNEXPECTED",
        "100,    JPY, UNEXPECTED",
        "100.001, EUR, UNEXPECTED",
        "100.00, eur, UNEXPECTED",
    })
    void aDebitReportingAnotherAmountOrCurrencyThanItsInstructionChangesNothing(
            String amount, String currency, Outcome outcome) {
        BankDebit debit = debit(
                InstructionStatus.EXECUTED,
                amount.equals("-") ? null : new BigDecimal(amount),
                currency.equals("-") ? null : currency,
                null);

        BankDebitDecision decision = answer(debit, Reporter.BANK, created());

        assertThat(decision.outcome()).isEqualTo(outcome);
        if (outcome == Outcome.UNEXPECTED) {
            assertThat(decision)
                    .isEqualTo(unexpected(
                            "P1",
                            ORDER_ID,
                            "DEBIT D1 reports " + amount + " " + (currency.equals("-") ? null : currency)
                                    + " for instruction PI1 of 100.00 EUR; nothing was changed"));
        }
    }

    @ParameterizedTest(name = "{0} reported for an instruction already {0}")
    @CsvSource({"EXECUTED", "FAILED"})
    void aRepeatedAnswerIsAlreadyApplied(InstructionStatus status) {
        BankDebitDecision decision = answer(debit(status, null, null, null), Reporter.BANK, instruction(status));

        assertThat(decision).isEqualTo(new Recorded(Outcome.ALREADY_APPLIED, List.of()));
    }

    @Test
    void aRepeatedAnswerOfAnotherAmountIsStillRefused() {
        BankDebitDecision decision = answer(
                debit(InstructionStatus.EXECUTED, new BigDecimal("5.00"), "EUR", null),
                Reporter.BANK,
                instruction(InstructionStatus.EXECUTED));

        assertThat(decision.outcome()).isEqualTo(Outcome.UNEXPECTED);
    }

    @ParameterizedTest(name = "{0} reported for an instruction {1}")
    @CsvSource({
        "EXECUTED, FAILED",
        "FAILED,   EXECUTED",
        "EXECUTED, ON_HOLD",
        "FAILED,   ON_HOLD",
    })
    void anAnswerContradictingAStatusOtherThanCreatedChangesNothing(
            InstructionStatus reported, InstructionStatus current) {
        BankDebitDecision decision = answer(debit(reported, null, null, null), Reporter.BANK, instruction(current));

        assertThat(decision)
                .isEqualTo(unexpected(
                        "P1",
                        ORDER_ID,
                        "DEBIT D1 says instruction PI1 is " + reported + " but it is " + current
                                + "; nothing was changed"));
    }

    @Test
    void anExecutedInstructionMovesAlongItsTableAndOpensNothing() {
        BankDebitDecision decision = answer(executed(), Reporter.BANK, created());

        assertThat(decision)
                .isEqualTo(new Answered(
                        new InstructionId("PI1"),
                        InstructionTransitions.row(InstructionTrigger.CONFIRMED_EXECUTED),
                        null,
                        Optional.empty(),
                        List.of(),
                        NOW,
                        List.of(PaymentInstructionStatusChanged.of(created(), InstructionStatus.EXECUTED, null, NOW))));
    }

    @ParameterizedTest(name = "{0} reported for an instruction a sent payment file carries")
    @CsvSource({"EXECUTED, CONFIRMED_EXECUTED", "FAILED, CONFIRMED_FAILED"})
    void theBankAnswersAnInstructionItsPaymentFileCarriedAsItAnswersACreatedOne(
            InstructionStatus reported, InstructionTrigger trigger) {
        BankDebitDecision decision =
                answer(debit(reported, null, null, null), Reporter.BANK, instruction(InstructionStatus.SENT));

        assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(((Answered) decision).row()).isEqualTo(InstructionTransitions.row(trigger));
    }

    @ParameterizedTest(name = "the bank's reason {0} -> failure {1}")
    @CsvSource({"AC04, AC04", "-, FAILED_BY_BANK"})
    void aFailedInstructionKeepsTheBanksReasonAndAsksOpsToReissueIt(String reason, String failure) {
        BankDebitDecision decision = answer(
                debit(InstructionStatus.FAILED, null, null, reason.equals("-") ? null : reason),
                Reporter.BANK,
                created());

        assertThat(decision)
                .isEqualTo(new Answered(
                        new InstructionId("PI1"),
                        InstructionTransitions.row(InstructionTrigger.CONFIRMED_FAILED),
                        failure,
                        Optional.empty(),
                        List.of(review(
                                ReviewKind.INSTRUCTION_FAILED,
                                "P1",
                                ORDER_ID,
                                "PI1",
                                "The bank failed instruction PI1 (REFUND, 100.00 EUR): " + failure
                                        + "; re-issue it with PUT /ops/instructions/PI1/reissued")),
                        NOW,
                        List.of(PaymentInstructionStatusChanged.of(
                                created(), InstructionStatus.FAILED, failure, NOW))));
    }

    @ParameterizedTest(name = "{0} return -> transfer {1}")
    @CsvSource({"EXECUTED, RETURN_EXECUTED", "FAILED, RETURN_FAILED"})
    void theUnidentifiedTransferAnInstructionReturnsFollowsIt(InstructionStatus status, UnidentifiedTrigger trigger) {
        PaymentInstruction instruction = instruction(
                InstructionStatus.CREATED, PaymentChannel.BANK_TRANSFER, "P1", new UnidentifiedTransferId("UT1"));

        BankDebitDecision decision = answer(debit(status, null, null, null), Reporter.BANK, instruction);

        assertThat(decision).isInstanceOfSatisfying(Answered.class, answered -> assertThat(answered.transfer())
                .contains(new TransferMove(new UnidentifiedTransferId("UT1"), UnidentifiedTransitions.row(trigger))));
    }

    // --- a recall of a credit

    @Test
    void aRecallOfACreditNeverReceivedChangesNothingAndOpensUnexpectedDebit() {
        BankDebitDecision decision = recall(recallOf("1100.00", "EUR"), null, null);

        assertThat(decision)
                .isEqualTo(unexpected(
                        null, null, "DEBIT D2 recalls credit N1, which was never received; nothing was changed"));
    }

    @Test
    void aRecallOfAMatchedCreditWhosePaymentTheBooksDoNotHoldIsAsNeverReceived() {
        BankDebitDecision decision = recall(recallOf("1100.00", "EUR"), matched(), null);

        assertThat(decision)
                .isEqualTo(unexpected(
                        null, null, "DEBIT D2 recalls credit N1, which was never received; nothing was changed"));
    }

    @ParameterizedTest(name = "recall of {0} {1} of a credit of 1100.00 EUR")
    @CsvSource({"1099.99, EUR", "1100.01, EUR", "1100.00, CHF", "1100.001, EUR", "1100, JPY"})
    void aRecallOfAnotherAmountOrCurrencyThanTheCreditChangesNothing(String amount, String currency) {
        BankDebitDecision decision = recall(recallOf(amount, currency), matched(), payment(OrderStatus.ACCOUNTED));

        assertThat(decision)
                .isEqualTo(unexpected(
                        null,
                        null,
                        "DEBIT D2 recalls " + amount + " " + currency
                                + " of credit N1, which was 1100.00 EUR; nothing was changed"));
    }

    @ParameterizedTest(name = "a recall of a credit recorded {0}")
    @CsvSource({"UNIDENTIFIED", "DUPLICATE_FEED", "INSTRUCTION_RETURNED"})
    void aRecallOfACreditThatPaidNoOrderChangesNothingAndWarnsOfItsReturn(String outcome) {
        CreditSummary credit = new CreditSummary("N1", new BigDecimal("1100.00"), "EUR", outcome, null);

        BankDebitDecision decision = recall(recallOf("1100.00", "EUR"), credit, null);

        assertThat(decision)
                .isEqualTo(unexpected(
                        null,
                        null,
                        "DEBIT D2 recalls credit N1, which paid no order (" + outcome
                                + "); its return may need stopping; nothing was changed"));
    }

    @ParameterizedTest(name = "recall of {0} {1} of a {2} credit -> lock its payment: {3}")
    @CsvSource({
        "1100.00, EUR, MATCHED,      true",
        "1100,    EUR, MATCHED,      true",
        "1000.00, EUR, MATCHED,      false",
        "1100.00, CHF, MATCHED,      false",
        "1100.00, EUR, UNIDENTIFIED, false",
    })
    void onlyARecallOfTheWholeCreditThatPaidAnOrderNeedsThatPaymentLocked(
            String amount, String currency, String outcome, boolean needed) {
        CreditSummary credit = new CreditSummary("N1", new BigDecimal("1100.00"), "EUR", outcome, Domain.ORDER_ID);

        assertThat(BankDebitDecision.recallsAPayment(recallOf(amount, currency), credit))
                .isEqualTo(needed);
    }

    @Test
    void aRecallOfAnAccountedOrderWhoseMoneyoutsAreAllAvailableReversesThemAndReopensTheOrder() {
        Payment payment = payment(
                OrderStatus.ACCOUNTED,
                moneyout("MO1", "MI1", MoneyoutStatus.AVAILABLE),
                moneyout("MO2", "MI1", MoneyoutStatus.AVAILABLE),
                // the moneyout of an earlier payment of the order, recalled before, is not this recall's
                moneyout("MO0", "MI0", MoneyoutStatus.REVERSED));

        BankDebitDecision decision = recall(recallOf("1100.00", "EUR"), matched(), payment);

        assertThat(decision).isInstanceOfSatisfying(Recalled.class, recalled -> {
            assertThat(recalled.outcome()).isEqualTo(Outcome.RECALLED);
            assertThat(recalled.reviews()).isEmpty();
            assertThat(recalled.moneyinId()).isEqualTo(new MoneyinId("MI1"));
            assertThat(recalled.reverse()).isEqualTo(MoneyoutTransitions.row(MoneyoutTrigger.RECALL));
            assertThat(recalled.moneyoutIds()).containsExactly(new MoneyoutId("MO1"), new MoneyoutId("MO2"));
            assertThat(recalled.reversed()).extracting(Moneyout::status).containsOnly(MoneyoutStatus.REVERSED);
            assertThat(recalled.events()).hasSize(2);
            assertThat(recalled.order()).isEqualTo(payment.order());
            assertThat(recalled.trigger()).isEqualTo(OrderTrigger.RECALL);
            assertThat(recalled.reason()).isEqualTo(OrderReasons.PAYMENT_RECALLED);
            assertThat(recalled.at()).isEqualTo(NOW);
        });
    }

    @Test
    void aRepeatedRecallOfAMoneyinAlreadyRecalledIsAlreadyApplied() {
        Payment payment = new Payment(
                order(OrderStatus.WAITING),
                moneyin(MoneyinStatus.RECALLED),
                List.of(moneyout("MO1", "MI1", MoneyoutStatus.REVERSED)));

        BankDebitDecision decision = recall(recallOf("1100.00", "EUR"), matched(), payment);

        assertThat(decision).isEqualTo(new Recorded(Outcome.ALREADY_APPLIED, List.of()));
    }

    @ParameterizedTest(name = "a {0} order whose moneyouts are {1} and {2}")
    @CsvSource({
        "SPLITTED,  EXECUTED,  REVERSED",
        "ACCOUNTED, EXECUTED,  AVAILABLE",
        "REFUNDED,  REVERSED,  REVERSED",
        "REVOKED,   REVERSED,  REVERSED",
        "SPLITTED,  AVAILABLE, AVAILABLE",
    })
    void aRecallAfterTheMoneyWentOutChangesNothingAndOpensRecallAfterPayout(
            OrderStatus status, MoneyoutStatus company, MoneyoutStatus fee) {
        Payment payment = payment(status, moneyout("MO1", "MI1", company), moneyout("MO2", "MI1", fee));

        BankDebitDecision decision = recall(recallOf("1100.00", "EUR"), matched(), payment);

        assertThat(decision)
                .isEqualTo(new Recorded(
                        Outcome.RECALL_AFTER_PAYOUT,
                        List.of(review(
                                ReviewKind.RECALL_AFTER_PAYOUT,
                                "P1",
                                ORDER_ID,
                                "D2",
                                "The bank recalled credit N1 (1100.00 EUR) of order " + ORDER_ID + ", which is "
                                        + status + " and whose money has already gone out"))));
    }

    @ParameterizedTest(name = "a {0} order whose moneyouts are {1} and {2}")
    @CsvSource({
        "ACCOUNTED, HELD,      HELD",
        "ACCOUNTED, AVAILABLE, REVERSED",
        "WAITING,   AVAILABLE, AVAILABLE",
    })
    void aRecallWhileTheMoneyIsNeitherAllHereNorPaidOutChangesNothing(
            OrderStatus status, MoneyoutStatus company, MoneyoutStatus fee) {
        Payment payment = payment(status, moneyout("MO1", "MI1", company), moneyout("MO2", "MI1", fee));

        BankDebitDecision decision = recall(recallOf("1100.00", "EUR"), matched(), payment);

        assertThat(decision)
                .isEqualTo(unexpected(
                        "P1",
                        ORDER_ID,
                        "DEBIT D2 recalls credit N1 of order " + ORDER_ID + " (" + status
                                + ") whose moneyouts are not all AVAILABLE; nothing was changed"));
    }

    // --- money out naming nothing of ours

    @Test
    void aDebitNamingNothingOfOursIsRecordedUnexpectedWithWhatItIs() {
        BankDebitDecision decision = BankDebitDecision.unexpected(
                executed(), PortalId.of("P1"), null, "charges 2.50 EUR of bank fees", ids, NOW);

        assertThat(decision)
                .isEqualTo(unexpected("P1", null, "DEBIT D1 charges 2.50 EUR of bank fees; nothing was changed"));
    }

    // --- fixtures

    BankDebitDecision answer(BankDebit debit, Reporter reporter, PaymentInstruction instruction) {
        return BankDebitDecision.answer(debit, reporter, Optional.ofNullable(instruction), ids, NOW);
    }

    BankDebitDecision recall(BankDebit debit, CreditSummary credit, Payment payment) {
        return BankDebitDecision.recall(debit, Optional.ofNullable(credit), Optional.ofNullable(payment), ids, NOW);
    }

    Recorded unexpected(String portalId, String orderId, String detail) {
        String subject = detail.substring("DEBIT ".length(), detail.indexOf(' ', "DEBIT ".length()));
        return new Recorded(
                Outcome.UNEXPECTED, List.of(review(ReviewKind.UNEXPECTED_DEBIT, portalId, orderId, subject, detail)));
    }

    ReviewItem review(ReviewKind kind, String portalId, String orderId, String subjectId, String detail) {
        return new ReviewItem(
                reviewId,
                kind,
                ReviewStatus.OPEN,
                portalId == null ? null : PortalId.of(portalId),
                orderId == null ? null : OrderId.of(orderId),
                subjectId,
                detail,
                null,
                null,
                NOW,
                null);
    }

    static BankDebit executed() {
        return debit(InstructionStatus.EXECUTED, null, null, null);
    }

    static BankDebit debit(InstructionStatus status, BigDecimal amount, String currency, String reason) {
        return new BankDebit("D1", "PI1", status, null, amount, currency, null, reason);
    }

    static BankDebit recallOf(String amount, String currency) {
        return new BankDebit("D2", null, null, "N1", new BigDecimal(amount), currency, null, null);
    }

    static PaymentInstruction created() {
        return instruction(InstructionStatus.CREATED);
    }

    static PaymentInstruction instruction(InstructionStatus status) {
        return instruction(status, PaymentChannel.BANK_TRANSFER, "P1", null);
    }

    static PaymentInstruction instruction(
            InstructionStatus status,
            PaymentChannel channel,
            String portalId,
            UnidentifiedTransferId unidentifiedTransferId) {
        return PaymentInstruction.create(
                new InstructionId("PI1"),
                InstructionType.REFUND,
                channel,
                status,
                new BigDecimal("100"),
                "EUR",
                "IT60X0542811101000000123456",
                "Ada Investor",
                null,
                "Refund",
                PortalId.of(portalId),
                Domain.ORDER_ID,
                unidentifiedTransferId,
                null,
                new RefundId("RF1"),
                null,
                null,
                NOW);
    }

    static CreditSummary matched() {
        return new CreditSummary("N1", new BigDecimal("1100.00"), "EUR", "MATCHED", Domain.ORDER_ID);
    }

    static Payment payment(OrderStatus status, Moneyout... moneyouts) {
        List<Moneyout> outs = moneyouts.length > 0
                ? List.of(moneyouts)
                : List.of(
                        moneyout("MO1", "MI1", MoneyoutStatus.AVAILABLE),
                        moneyout("MO2", "MI1", MoneyoutStatus.AVAILABLE));
        return new Payment(order(status), moneyin(MoneyinStatus.RECEIVED), outs);
    }

    static Moneyin moneyin(MoneyinStatus status) {
        return new Moneyin(
                new MoneyinId("MI1"),
                Domain.ORDER_ID,
                PortalId.of("P1"),
                CampaignId.of("C1"),
                "N1",
                new BigDecimal("1100"),
                "EUR",
                PaymentChannel.BANK_TRANSFER,
                "IT60X0542811101000000123456",
                "Ada Investor",
                null,
                status,
                NOW,
                null);
    }

    static Moneyout moneyout(String moneyoutId, String moneyinId, MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId(moneyoutId),
                Domain.ORDER_ID,
                new MoneyinId(moneyinId),
                PortalId.of("P1"),
                CampaignId.of("C1"),
                CompanyId.of("CO1"),
                MoneyoutType.COMPANY,
                status,
                new BigDecimal("550"),
                "EUR",
                null,
                NOW,
                null);
    }

    static Order order(OrderStatus status) {
        return Domain.order(status, NOW, NOW);
    }
}
