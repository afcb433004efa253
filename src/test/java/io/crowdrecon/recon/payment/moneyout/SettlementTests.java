package io.crowdrecon.recon.payment.moneyout;

import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.AVAILABLE;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.EXECUTED;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutType.COMPANY;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutType.FEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionTrigger;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionMessage;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Settlement.Split;
import io.crowdrecon.recon.payment.refund.PaymentRefunds;
import io.crowdrecon.recon.payment.refund.Refund;
import io.crowdrecon.recon.payment.refund.RefundView;
import io.crowdrecon.recon.payment.refund.Refunds;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewStatus;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The money side of a successful finalization, SPEC sections 4 and 7: an order executed in full (its moneyouts
 * EXECUTED, the company's linked to the cashout), an order split (each moneyout replaced by an executed and a reversed
 * part, the reversed parts refunded to the payer), and the payouts. Against small in-memory stores: Settlement decides,
 * they only keep what it wrote.
 */
class SettlementTests {

    private static final String ORDER = "TRX1234567890123428";
    private static final String PORTAL = "PRT0000000000000001";
    private static final String CAMPAIGN = "COL0000000000000001";
    private static final MoneyinId MONEYIN = new MoneyinId("MI1");
    private static final CashoutId CASHOUT = new CashoutId("CO0000000000000001");
    private static final String PAYER_IBAN = "IT60X0542811101000000123456";
    private static final Instant MATCHED_AT = Instant.parse("2025-03-10T10:15:31Z");
    private static final Instant NOW = Instant.parse("2025-04-01T09:00:00Z");

    private final InMemoryMoneyins moneyins = new InMemoryMoneyins();
    private final InMemoryMoneyouts moneyouts = new InMemoryMoneyouts();
    private final InMemoryRefunds refunds = new InMemoryRefunds();
    private final InMemoryInstructions instructions = new InMemoryInstructions();
    private final InMemoryReviewItems reviewItems = new InMemoryReviewItems();
    private final SplittableRandom random = new SplittableRandom(21);
    private final IdGenerator ids = new IdGenerator(() -> random);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Settlement settlement = new Settlement(
            moneyins,
            moneyouts,
            refunds,
            instructions,
            new PaymentRefunds(
                    moneyins, moneyouts, refunds, instructions, reviewItems, ReleasePolicy.DEFAULT, ids, clock),
            reviewItems,
            ReleasePolicy.DEFAULT,
            ids,
            clock);

    // --- execution in full ---

    @Test
    void executesEveryAvailableMoneyoutOfTheOrderAndLinksTheCompanysToTheCashout() {
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));

        List<OutboundEvent> events =
                settlement.executeInFull(order(), outs, CASHOUT).block();

        assertThat(moneyouts.standing(ORDER))
                .extracting(Moneyout::moneyoutId, Moneyout::status, Moneyout::executedAt)
                .containsExactly(
                        tuple(new MoneyoutId("MO1"), EXECUTED, NOW), tuple(new MoneyoutId("MO2"), EXECUTED, NOW));
        assertThat(moneyouts.cashoutOf).isEqualTo(Map.of(new MoneyoutId("MO1"), CASHOUT));
        assertThat(events)
                .containsExactly(
                        MoneyoutMessage.statusChanged(moneyouts.byId("MO1")),
                        MoneyoutMessage.statusChanged(moneyouts.byId("MO2")));
        assertThat(refunds.added).isEmpty();
        assertThat(instructions.added).isEmpty();
    }

    @ParameterizedTest(name = "a {0} moneyout")
    @EnumSource(
            value = MoneyoutStatus.class,
            names = {"EXECUTED", "REVERSED", "HELD"})
    void executesOnlyWhatTheTableLetsItLeavingAnyOtherMoneyoutAsItIsUnannounced(MoneyoutStatus status) {
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", status), moneyout("MO2", FEE, "100.00", AVAILABLE));

        List<OutboundEvent> events =
                settlement.executeInFull(order(), outs, CASHOUT).block();

        assertThat(moneyouts.standing(ORDER))
                .extracting(Moneyout::moneyoutId, Moneyout::status)
                .containsExactly(tuple(new MoneyoutId("MO1"), status), tuple(new MoneyoutId("MO2"), EXECUTED));
        assertThat(moneyouts.cashoutOf).isEmpty();
        assertThat(events)
                .extracting(OutboundEvent::key, OutboundEvent::type)
                .containsExactly(tuple(ORDER, MoneyoutMessage.STATUS_CHANGED));
    }

    @Test
    void givesTheOrdersStandingMoneyoutsOnly() {
        paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));
        moneyouts.markReplaced(List.of(new MoneyoutId("MO2")), NOW).block();

        StepVerifier.create(settlement.moneyoutsOf(order()))
                .assertNext(outs ->
                        assertThat(outs).extracting(Moneyout::moneyoutId).containsExactly(new MoneyoutId("MO1")))
                .verifyComplete();
    }

    // --- a split ---

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of(
                        "executes part of both and reverses the rest, refunding what is reversed",
                        new Split(amount("600.00"), amount("400.00"), amount("60.00"), amount("40.00")),
                        List.of(
                                "COMPANY EXECUTED 600.00 of MO1",
                                "COMPANY REVERSED 400.00 of MO1",
                                "FEE EXECUTED 60.00 of MO2",
                                "FEE REVERSED 40.00 of MO2"),
                        "440.00"),
                Arguments.of(
                        "keeps the whole fee while splitting the company's amount",
                        new Split(amount("700.00"), amount("300.00"), amount("100.00"), amount("0.00")),
                        List.of(
                                "COMPANY EXECUTED 700.00 of MO1",
                                "COMPANY REVERSED 300.00 of MO1",
                                "FEE EXECUTED 100.00 of MO2"),
                        "300.00"),
                Arguments.of(
                        "creates no reversed part of 0, nor a refund of 0, when everything executes",
                        new Split(amount("1000.00"), amount("0"), amount("100.00"), amount("0")),
                        List.of("COMPANY EXECUTED 1000.00 of MO1", "FEE EXECUTED 100.00 of MO2"),
                        null),
                Arguments.of(
                        "creates no executed part of 0 when everything is undone",
                        new Split(amount("0"), amount("1000.00"), amount("0"), amount("100.00")),
                        List.of("COMPANY REVERSED 1000.00 of MO1", "FEE REVERSED 100.00 of MO2"),
                        "1100.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void replacesEachMoneyoutByItsExecutedAndReversedPartsAndRefundsTheReversedOnesToThePayer(
            String behaviour, Split split, List<String> expectedParts, String expectedRefund) {
        payer(PaymentChannel.BANK_TRANSFER, PAYER_IBAN);
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));

        settlement.split(order(), outs, split, CASHOUT).block();

        assertThat(moneyouts.replaced).containsExactlyInAnyOrder(new MoneyoutId("MO1"), new MoneyoutId("MO2"));
        assertThat(moneyouts.standing(ORDER))
                .extracting(m -> m.type() + " " + m.status() + " " + m.amount() + " of " + m.splitOf())
                .containsExactlyElementsOf(expectedParts);
        assertThat(refunds.added)
                .extracting(Refund::amount)
                .containsExactlyElementsOf(expectedRefund == null ? List.of() : List.of(amount(expectedRefund)));
    }

    @Test
    void splitPartsComeFromTheirMoneyinOnlyTheExecutedOnesStampedAndTheCompanysExecutedPartLinkedToTheCashout() {
        payer(PaymentChannel.BANK_TRANSFER, PAYER_IBAN);
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));

        settlement
                .split(
                        order(),
                        outs,
                        new Split(amount("600.00"), amount("400.00"), amount("60.00"), amount("40.00")),
                        CASHOUT)
                .block();

        List<Moneyout> parts = moneyouts.standing(ORDER);
        assertThat(parts)
                .extracting(
                        Moneyout::moneyinId,
                        Moneyout::companyId,
                        Moneyout::campaignId,
                        Moneyout::createdAt,
                        Moneyout::executedAt)
                .containsExactly(
                        tuple(MONEYIN, CompanyId.of("USR1"), CampaignId.of(CAMPAIGN), NOW, NOW),
                        tuple(MONEYIN, CompanyId.of("USR1"), CampaignId.of(CAMPAIGN), NOW, null),
                        tuple(MONEYIN, CompanyId.of("USR1"), CampaignId.of(CAMPAIGN), NOW, NOW),
                        tuple(MONEYIN, CompanyId.of("USR1"), CampaignId.of(CAMPAIGN), NOW, null));
        assertThat(parts).allSatisfy(part -> assertThat(
                        IdPrefix.MONEYOUT.isWellFormed(part.moneyoutId().value()))
                .isTrue());
        assertThat(moneyouts.cashoutOf).isEqualTo(Map.of(parts.get(0).moneyoutId(), CASHOUT));
    }

    @Test
    void aSplitRefundsTheReversedPartsToThePayersIbanAndAnnouncesThePartsThenTheRefund() {
        payer(PaymentChannel.BANK_TRANSFER, PAYER_IBAN);
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));

        List<OutboundEvent> events = settlement
                .split(
                        order(),
                        outs,
                        new Split(amount("600.00"), amount("400.00"), amount("60.00"), amount("40.00")),
                        CASHOUT)
                .block();

        assertThat(refunds.added)
                .extracting(Refund::orderId, Refund::moneyinId, Refund::amount, Refund::iban, Refund::reason)
                .containsExactly(tuple(OrderId.of(ORDER), MONEYIN, amount("440.00"), PAYER_IBAN, "ORDER_SPLIT"));
        PaymentInstruction refund = instructions.added.get(0);
        assertThat(refund)
                .extracting(
                        PaymentInstruction::type,
                        PaymentInstruction::channel,
                        PaymentInstruction::status,
                        PaymentInstruction::amount,
                        PaymentInstruction::creditorIban,
                        PaymentInstruction::refundId)
                .containsExactly(
                        InstructionType.REFUND,
                        PaymentChannel.BANK_TRANSFER,
                        InstructionStatus.CREATED,
                        amount("440.00"),
                        PAYER_IBAN,
                        refunds.added.get(0).refundId());
        List<OutboundEvent> expected = new ArrayList<>();
        moneyouts.standing(ORDER).forEach(part -> expected.add(MoneyoutMessage.created(part)));
        expected.add(PaymentInstructionMessage.requested(refund));
        assertThat(events).containsExactlyElementsOf(expected);
        // The original moneyouts are replaced, not moved: no status change is announced for them.
        assertThat(moneyouts.byId("MO1").status()).isEqualTo(AVAILABLE);
    }

    @Test
    void aSplitOfACardPaymentRefundsOnItsPspReference() {
        payer(PaymentChannel.CARD, null);
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));

        settlement
                .split(
                        order(),
                        outs,
                        new Split(amount("900.00"), amount("100.00"), amount("100.00"), amount("0")),
                        CASHOUT)
                .block();

        assertThat(instructions.added)
                .extracting(
                        PaymentInstruction::channel,
                        PaymentInstruction::pspReference,
                        PaymentInstruction::creditorIban,
                        PaymentInstruction::amount)
                .containsExactly(tuple(PaymentChannel.CARD, "PSP-1", null, amount("100.00")));
    }

    @Test
    void aSplitWhosePayerHasNoValidIbanHoldsTheRefundWithAReturnImpossibleItemAndDoesNotAnnounceIt() {
        payer(PaymentChannel.BANK_TRANSFER, "not an iban");
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));

        List<OutboundEvent> events = settlement
                .split(
                        order(),
                        outs,
                        new Split(amount("600.00"), amount("400.00"), amount("100.00"), amount("0")),
                        CASHOUT)
                .block();

        assertThat(instructions.added)
                .extracting(PaymentInstruction::status, PaymentInstruction::creditorIban)
                .containsExactly(tuple(InstructionStatus.ON_HOLD, null));
        assertThat(reviewItems.added)
                .extracting(ReviewItem::kind, ReviewItem::orderId, ReviewItem::subjectId)
                .containsExactly(tuple(
                        ReviewKind.RETURN_IMPOSSIBLE,
                        OrderId.of(ORDER),
                        instructions.added.get(0).instructionId().value()));
        assertThat(events).extracting(OutboundEvent::type).containsOnly(MoneyoutMessage.CREATED);
    }

    @Test
    void aSplitWithNothingUndoneLooksUpNoMoneyinAndRefundsNothing() {
        List<Moneyout> outs =
                paid(moneyout("MO1", COMPANY, "1000.00", AVAILABLE), moneyout("MO2", FEE, "100.00", AVAILABLE));

        List<OutboundEvent> events = settlement
                .split(order(), outs, new Split(amount("1000.00"), amount("0"), amount("100.00"), amount("0")), CASHOUT)
                .block();

        assertThat(moneyins.lookedUp).isFalse();
        assertThat(refunds.added).isEmpty();
        assertThat(instructions.added).isEmpty();
        assertThat(events)
                .extracting(OutboundEvent::type)
                .containsExactly(MoneyoutMessage.CREATED, MoneyoutMessage.CREATED);
    }

    // --- payouts ---

    @Test
    void instructsAPayoutToTheGivenAccountAwaitingApproval() {
        PaymentInstruction payout = settlement
                .instructPayout(
                        InstructionType.CASHOUT,
                        PortalId.of(PORTAL),
                        CampaignId.of(CAMPAIGN),
                        CASHOUT,
                        amount("950.00"),
                        "EUR",
                        PAYER_IBAN,
                        "Acme S.r.l.",
                        "Cashout of campaign " + CAMPAIGN)
                .block();

        assertThat(payout)
                .isEqualTo(PaymentInstruction.create(
                        payout.instructionId(),
                        InstructionType.CASHOUT,
                        PaymentChannel.BANK_TRANSFER,
                        InstructionStatus.AWAITING_APPROVAL,
                        amount("950.00"),
                        "EUR",
                        PAYER_IBAN,
                        "Acme S.r.l.",
                        null,
                        "Cashout of campaign " + CAMPAIGN,
                        PortalId.of(PORTAL),
                        null,
                        null,
                        CampaignId.of(CAMPAIGN),
                        null,
                        CASHOUT,
                        null,
                        NOW));
        assertThat(instructions.added).containsExactly(payout);
    }

    @ParameterizedTest(name = "a {0}")
    @EnumSource(
            value = InstructionType.class,
            names = {"CASHOUT", "FEE_PAYOUT"})
    void instructsNoPayoutOfZero(InstructionType type) {
        StepVerifier.create(settlement.instructPayout(
                        type,
                        PortalId.of(PORTAL),
                        CampaignId.of(CAMPAIGN),
                        CASHOUT,
                        amount("0.00"),
                        "EUR",
                        PAYER_IBAN,
                        "Acme S.r.l.",
                        "Payout"))
                .verifyComplete();

        assertThat(instructions.added).isEmpty();
    }

    // --- test data: an ACCOUNTED order of 1100.00 EUR (1000.00 company + 100.00 fee) paid by moneyin MI1 ---

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private static Order order() {
        return new Order(
                OrderId.of(ORDER),
                PortalId.of(PORTAL),
                CampaignId.of(CAMPAIGN),
                CompanyId.of("USR1"),
                InvestorId.of("INV1"),
                null,
                amount("1100.00"),
                amount("1000.00"),
                amount("100.00"),
                "EUR",
                OrderChannel.MONEY_TRANSFER,
                null,
                OrderStatus.ACCOUNTED,
                null,
                MATCHED_AT,
                MATCHED_AT);
    }

    private static Moneyout moneyout(String id, MoneyoutType type, String amount, MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId(id),
                OrderId.of(ORDER),
                MONEYIN,
                PortalId.of(PORTAL),
                CampaignId.of(CAMPAIGN),
                CompanyId.of("USR1"),
                type,
                status,
                amount(amount),
                "EUR",
                null,
                MATCHED_AT,
                status == EXECUTED ? MATCHED_AT : null);
    }

    /** The order's moneyouts, stored as the match left them. */
    private List<Moneyout> paid(Moneyout... outs) {
        moneyouts.addAll(List.of(outs)).block();
        return List.of(outs);
    }

    /** The order's live moneyin, paid on {@code channel} from {@code payerIban}. */
    private void payer(PaymentChannel channel, String payerIban) {
        moneyins.live.put(
                ORDER,
                new Moneyin(
                        MONEYIN,
                        OrderId.of(ORDER),
                        PortalId.of(PORTAL),
                        CampaignId.of(CAMPAIGN),
                        "N1",
                        amount("1100.00"),
                        "EUR",
                        channel,
                        payerIban,
                        "Mario Rossi",
                        channel == PaymentChannel.CARD ? "PSP-1" : null,
                        MoneyinStatus.RECEIVED,
                        MATCHED_AT,
                        null));
    }

    // --- in-memory stores: they keep what they are given, and refuse a move their table row does not allow ---

    private static final class InMemoryMoneyouts implements Moneyouts {
        private final Map<MoneyoutId, Moneyout> byId = new LinkedHashMap<>();
        private final Set<MoneyoutId> replaced = new HashSet<>();
        private final Map<MoneyoutId, CashoutId> cashoutOf = new HashMap<>();

        Moneyout byId(String moneyoutId) {
            return byId.get(new MoneyoutId(moneyoutId));
        }

        List<Moneyout> standing(String orderId) {
            return standing(OrderId.of(orderId));
        }

        List<Moneyout> standing(OrderId orderId) {
            return byId.values().stream()
                    .filter(m -> m.orderId().equals(orderId) && !replaced.contains(m.moneyoutId()))
                    .toList();
        }

        @Override
        public Mono<Void> addAll(List<Moneyout> moneyouts) {
            return Mono.fromRunnable(() -> moneyouts.forEach(m -> byId.put(m.moneyoutId(), m)));
        }

        @Override
        public Flux<Moneyout> lockOfOrder(OrderId orderId) {
            return Flux.defer(() -> Flux.fromIterable(standing(orderId)));
        }

        @Override
        public Mono<Void> moveAll(
                List<MoneyoutId> moneyoutIds, Transition<MoneyoutStatus, MoneyoutTrigger> row, Instant at) {
            return Mono.fromRunnable(() -> moneyoutIds.forEach(id -> {
                Moneyout moneyout = byId.get(id);
                if (!row.from().contains(moneyout.status())) {
                    throw new IllegalStateException(id + " is " + moneyout.status());
                }
                byId.put(id, moneyout.moved(row, at));
            }));
        }

        @Override
        public Mono<Void> markReplaced(List<MoneyoutId> moneyoutIds, Instant at) {
            return Mono.fromRunnable(() -> replaced.addAll(moneyoutIds));
        }

        @Override
        public Mono<Void> assignCashout(List<MoneyoutId> moneyoutIds, CashoutId cashoutId) {
            return Mono.fromRunnable(() -> moneyoutIds.forEach(id -> cashoutOf.put(id, cashoutId)));
        }

        @Override
        public Flux<Moneyout> ofOrder(OrderId orderId) {
            return lockOfOrder(orderId);
        }

        @Override
        public Flux<Moneyout> ofCampaign(io.crowdrecon.recon.shared.CampaignId campaignId) {
            throw new UnsupportedOperationException("not used by the settlement");
        }
    }

    private static final class InMemoryMoneyins implements Moneyins {
        private final Map<String, Moneyin> live = new HashMap<>();
        private boolean lookedUp;

        @Override
        public Mono<Moneyin> lockLiveOfOrder(OrderId orderId) {
            return Mono.defer(() -> {
                lookedUp = true;
                return Mono.justOrEmpty(live.get(orderId.value()));
            });
        }

        @Override
        public Mono<Void> addAll(List<Moneyin> moneyins) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Moneyin> lockByNotificationId(String notificationId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> recall(MoneyinId moneyinId, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Moneyin> ofOrder(OrderId orderId) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class InMemoryRefunds implements Refunds {
        private final List<Refund> added = new ArrayList<>();

        @Override
        public Mono<Void> add(Refund refund) {
            return Mono.fromRunnable(() -> added.add(refund));
        }

        @Override
        public Flux<RefundView> ofOrder(OrderId orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> replaceInstruction(InstructionId oldInstructionId, InstructionId newInstructionId) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class InMemoryInstructions implements PaymentInstructions {
        private final List<PaymentInstruction> added = new ArrayList<>();

        @Override
        public Mono<Void> addAll(List<PaymentInstruction> instructions) {
            return Mono.fromRunnable(() -> added.addAll(instructions));
        }

        @Override
        public Mono<Void> moveAll(
                List<InstructionId> instructionIds,
                Transition<InstructionStatus, InstructionTrigger> row,
                String failureReason,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<PaymentInstruction> byId(InstructionId instructionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<PaymentInstruction> lock(InstructionId instructionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<PaymentInstruction> lockAll(java.util.SortedSet<String> instructionIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> move(
                InstructionId instructionId,
                Transition<InstructionStatus, InstructionTrigger> row,
                String failureReason,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> setDestination(
                InstructionId instructionId,
                Transition<InstructionStatus, InstructionTrigger> row,
                String creditorIban,
                OperatorId causedBy,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> approve(
                InstructionId instructionId,
                Transition<InstructionStatus, InstructionTrigger> row,
                OperatorId approvedBy,
                @Nullable String note,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> reject(
                InstructionId instructionId,
                Transition<InstructionStatus, InstructionTrigger> row,
                OperatorId rejectedBy,
                String note,
                String failureReason,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Page<PaymentInstruction>> page(@Nullable InstructionStatus status, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> markReissued(InstructionId instructionId, InstructionId reissuedAs, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<PaymentInstruction> ofUnidentifiedTransfer(UnidentifiedTransferId unidentifiedTransferId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<PaymentInstruction> readyForPaymentFiles(int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class InMemoryReviewItems implements ReviewItems {
        private final List<ReviewItem> added = new ArrayList<>();

        @Override
        public Mono<Void> addAll(List<ReviewItem> items) {
            return Mono.fromRunnable(() -> added.addAll(items));
        }

        @Override
        public Mono<Page<ReviewItem>> page(ReviewKind kind, ReviewStatus status, String orderId, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<ReviewItem> move(
                ReviewItemId reviewItemId, Transition<ReviewStatus, ReviewTrigger> row, String note, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<ReviewItem> byId(ReviewItemId reviewItemId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> moveAll(
                ReviewKind kind,
                String subjectId,
                Transition<ReviewStatus, ReviewTrigger> row,
                String note,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<java.util.Set<OrderId>> withOpen(
                java.util.Set<ReviewKind> kinds, java.util.Collection<OrderId> orderIds) {
            return Mono.just(java.util.Set.copyOf(added.stream()
                    .filter(i -> i.status() == ReviewStatus.OPEN && kinds.contains(i.kind()))
                    .map(ReviewItem::orderId)
                    .filter(o -> o != null && orderIds.contains(o))
                    .toList()));
        }
    }
}
