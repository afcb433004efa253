package io.crowdrecon.recon.finalization;

import static io.crowdrecon.recon.order.OrderStatus.ACCOUNTED;
import static io.crowdrecon.recon.shared.ErrorCode.FUNDS_NOT_CLEARED;
import static io.crowdrecon.recon.shared.ErrorCode.MONEYOUTS_HELD;
import static io.crowdrecon.recon.shared.ErrorCode.ORDERS_ON_HOLD;
import static io.crowdrecon.recon.shared.ErrorCode.REFLECTION_PERIOD_OPEN;
import static io.crowdrecon.recon.shared.ErrorCode.TARGET_NOT_MET;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTerms;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.campaign.SuccessFee;
import io.crowdrecon.recon.finalization.FinalizationDecision.AlreadyWaiting;
import io.crowdrecon.recon.finalization.FinalizationDecision.Failure;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refund;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refused;
import io.crowdrecon.recon.finalization.FinalizationDecision.Success;
import io.crowdrecon.recon.finalization.FinalizationDecision.WaitForClearing;
import io.crowdrecon.recon.finalization.FinalizationPlan.OrderSplit;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.portal.Company;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.Domain;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The money controls of issue 23 in a finalization: an order to execute (in full or in part) under a compliance hold,
 * in its reflection period, or paid with funds not yet cleared refuses it, in that order, each answer listing the
 * orders; {@code executeWhenCleared} waits instead of the last; a held order may be undone. The campaign: targets 1000
 * to 5000 EUR, orders A (1000 + 50), B (2000 + 100) and C (500 + 25), all ACCOUNTED; the plan executes A and B and
 * undoes C.
 */
class FinalizationControlsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(2));
    private static final Company COMPANY = new Company(
            CompanyId.of("CO1"),
            PortalId.of("PRT1"),
            "Acme S.r.l.",
            "01234567890",
            Iban.parse("IT60X0542811101000000123456"),
            NOW);
    private static final Portal PORTAL = new Portal(
            PortalId.of("PRT1"),
            "Crowd Portal",
            Iban.parse("GB82WEST12345698765432"),
            Iban.parse("DE89370400440532013000"),
            NOW);
    private static final Order A = order("A", "1000", "50");
    private static final Order B = order("B", "2000", "100");
    private static final Order C = order("C", "500", "25");
    private static final List<Order> ORDERS = List.of(A, B, C);
    private static final HoldId HOLD = HoldId.of("HLD0000000000000001");

    // --- each control alone ---

    @Test
    void anOrderToExecuteUnderAHoldRefusesItListingTheOrderAndItsHolds() {
        Refused refused = refused(succeed(plan(), controls().hold(B)));
        assertThat(refused.code()).isEqualTo(ORDERS_ON_HOLD);
        assertThat(refused.orders()).containsExactly(Map.of("orderId", id(B), "holdIds", List.of(HOLD.value())));
    }

    @Test
    void theSplitOrderUnderAHoldRefusesItToo() {
        FinalizationPlan split = new FinalizationPlan(
                List.of(id(A), id(B)),
                List.of(),
                new OrderSplit(
                        id(C), new BigDecimal("250"), new BigDecimal("250"), new BigDecimal("25"), BigDecimal.ZERO));
        assertThat(refused(succeed(split, controls().hold(C))).code()).isEqualTo(ORDERS_ON_HOLD);
    }

    @Test
    void anOrderUnderAHoldMayBeUndoneItsHeldMoneyoutsReversed() {
        // C's moneyouts are HELD by its hold, not by a chargeback: it is refunded like any undone order.
        Success success = success(succeed(plan(), controls().hold(C), Set.of(C)));
        assertThat(success.steps())
                .filteredOn(step -> step instanceof Refund)
                .extracting(step -> step.order().orderId())
                .containsExactly(C.orderId());
    }

    @Test
    void aChargebacksHoldStillRefusesAnUndoneOrder() {
        assertThat(refused(succeed(plan(), controls(), Set.of(C))).code()).isEqualTo(MONEYOUTS_HELD);
    }

    @Test
    void anOrderToExecuteInItsReflectionPeriodRefusesItListingWhenEachEnds() {
        Refused refused = refused(succeed(plan(), controls().reflection(A, LATER)));
        assertThat(refused.code()).isEqualTo(REFLECTION_PERIOD_OPEN);
        assertThat(refused.orders()).containsExactly(Map.of("orderId", id(A), "reflectionPeriodEndsAt", LATER));
    }

    @Test
    void aReflectionPeriodEndingNowNoLongerStopsIt() {
        success(succeed(plan(), controls().reflection(A, NOW)));
    }

    @Test
    void anUndoneOrderInItsReflectionPeriodDoesNotStopIt() {
        success(succeed(plan(), controls().reflection(C, LATER).cleared(C, LATER)));
    }

    @Test
    void fundsNotClearedRefuseItListingWhenEachClearsAndTheLast() {
        Instant sooner = NOW.plus(Duration.ofHours(5));
        Refused refused = refused(succeed(plan(), controls().cleared(A, sooner).cleared(B, LATER)));
        assertThat(refused.code()).isEqualTo(FUNDS_NOT_CLEARED);
        assertThat(refused.orders())
                .containsExactly(
                        Map.of("orderId", id(A), "clearsAt", sooner), Map.of("orderId", id(B), "clearsAt", LATER));
        assertThat(refused.exception().extensions()).containsEntry("clearsAt", LATER);
    }

    @Test
    void fundsClearingExactlyNowAreCleared() {
        success(succeed(plan(), controls().cleared(A, NOW)));
    }

    @Test
    void executeWhenClearedWaitsUntilTheLastClears() {
        FinalizationDecision decision =
                succeed(waiting(), controls().cleared(A, NOW.plusSeconds(60)).cleared(B, LATER));
        assertThat(decision).isInstanceOf(WaitForClearing.class);
        WaitForClearing wait = (WaitForClearing) decision;
        assertThat(wait.clearsAt()).isEqualTo(LATER);
        assertThat(wait.campaignMove()).isEqualTo(CampaignTrigger.WAIT_FOR_CLEARING);
    }

    @Test
    void executeWhenClearedWithEverythingClearedSucceedsAtOnce() {
        assertThat(success(succeed(waiting(), controls())).campaignMove()).isEqualTo(CampaignTrigger.FINALIZE_SUCCESS);
    }

    // --- the order of the checks ---

    @Test
    void holdsComeBeforeReflectionPeriodsWhichComeBeforeClearing() {
        Controls all = controls().hold(B).reflection(A, LATER).cleared(A, LATER);
        assertThat(refused(succeed(plan(), all)).code()).isEqualTo(ORDERS_ON_HOLD);
        Controls noHold = controls().reflection(A, LATER).cleared(B, LATER);
        assertThat(refused(succeed(plan(), noHold)).code()).isEqualTo(REFLECTION_PERIOD_OPEN);
    }

    @Test
    void clearingComesBeforeTheTargets() {
        FinalizationPlan tooLittle = new FinalizationPlan(List.of(id(A)), List.of(id(B), id(C)), null);
        Controls uncleared = controls().cleared(A, LATER);
        assertThat(refused(succeed(tooLittle, uncleared, Set.of(), "5000")).code())
                .isEqualTo(FUNDS_NOT_CLEARED);
    }

    @Test
    void aPlanThatCannotSucceedIsRefusedRatherThanKeptWaiting() {
        FinalizationPlan tooLittle = new FinalizationPlan(List.of(id(A)), List.of(id(B), id(C)), null, true);
        assertThat(refused(succeed(tooLittle, controls().cleared(A, LATER), Set.of(), "5000"))
                        .code())
                .isEqualTo(TARGET_NOT_MET);
    }

    // --- the clearing job, and the statuses ---

    @Test
    void theClearingJobFinalizesOnceTheLastOrderClears() {
        Success success = success(resume(controls()));
        assertThat(success.campaignMove()).isEqualTo(CampaignTrigger.FUNDS_CLEARED);
    }

    @Test
    void theClearingJobKeepsWaitingWhileAnOrderHasNotCleared() {
        assertThat(resume(controls().cleared(B, LATER))).isInstanceOf(WaitForClearing.class);
    }

    @Test
    void theClearingJobFindsAPlanThatNoLongerStands() {
        // A hold placed while it waited; the job cancels the finalization with this refusal.
        assertThat(refused(resume(controls().hold(A))).code()).isEqualTo(ORDERS_ON_HOLD);
    }

    @Test
    void aSuccessAskedAgainWhileWaitingAnswersTheWaitingCampaign() {
        assertThat(Finalization.succeed(
                        campaign(CampaignStatus.FINALIZING, "1000"),
                        ORDERS,
                        moneyouts(Set.of()),
                        plan(),
                        COMPANY,
                        PORTAL,
                        controls().build()))
                .isEqualTo(new AlreadyWaiting());
    }

    @Test
    void aFailureRefundsAnOrderUnderAHoldAndMayGiveUpWaiting() {
        for (CampaignStatus status : List.of(CampaignStatus.CLOSED, CampaignStatus.FINALIZING)) {
            FinalizationDecision decision = Finalization.fail(
                    campaign(status, "1000"),
                    ORDERS,
                    moneyouts(Set.of(C)),
                    controls().hold(C).build());
            assertThat(decision).as("%s", status).isInstanceOf(Failure.class);
            assertThat(((Failure) decision).steps()).hasSize(3).allMatch(step -> step instanceof Refund);
        }
        assertThat(((Refused) Finalization.fail(
                                campaign(CampaignStatus.CLOSED, "1000"),
                                ORDERS,
                                moneyouts(Set.of(C)),
                                controls().build()))
                        .code())
                .isEqualTo(MONEYOUTS_HELD);
    }

    // --- test data ---

    private static FinalizationDecision succeed(FinalizationPlan plan, Controls controls) {
        return succeed(plan, controls, Set.of());
    }

    private static FinalizationDecision succeed(FinalizationPlan plan, Controls controls, Set<Order> held) {
        return succeed(plan, controls, held, "1000");
    }

    private static FinalizationDecision succeed(
            FinalizationPlan plan, Controls controls, Set<Order> held, String targetMin) {
        return Finalization.succeed(
                campaign(CampaignStatus.CLOSED, targetMin),
                ORDERS,
                moneyouts(held),
                plan,
                COMPANY,
                PORTAL,
                controls.build());
    }

    private static FinalizationDecision resume(Controls controls) {
        return Finalization.resume(
                campaign(CampaignStatus.FINALIZING, "1000"),
                ORDERS,
                moneyouts(Set.of()),
                plan(),
                COMPANY,
                PORTAL,
                controls.build());
    }

    private static Refused refused(FinalizationDecision decision) {
        assertThat(decision).isInstanceOf(Refused.class);
        return (Refused) decision;
    }

    private static Success success(FinalizationDecision decision) {
        assertThat(decision).isInstanceOf(Success.class);
        return (Success) decision;
    }

    /** The plan executing A and B and undoing C. */
    private static FinalizationPlan plan() {
        return new FinalizationPlan(List.of(id(A), id(B)), List.of(id(C)), null);
    }

    /** {@link #plan()} with {@code "executeWhenCleared": true}. */
    private static FinalizationPlan waiting() {
        return new FinalizationPlan(List.of(id(A), id(B)), List.of(id(C)), null, true);
    }

    private static Controls controls() {
        return new Controls();
    }

    /** The money controls as a test states them, everything cleared unless said. */
    private static final class Controls {
        private final Map<OrderId, List<HoldId>> holds = new LinkedHashMap<>();
        private final Map<OrderId, Instant> reflection = new HashMap<>();
        private final Map<OrderId, Instant> clears = new HashMap<>();

        Controls hold(Order order) {
            holds.put(order.orderId(), List.of(HOLD));
            return this;
        }

        Controls reflection(Order order, Instant ends) {
            reflection.put(order.orderId(), ends);
            return this;
        }

        Controls cleared(Order order, Instant at) {
            clears.put(order.orderId(), at);
            return this;
        }

        MoneyControls build() {
            Map<OrderId, Instant> clearsAt = new HashMap<>();
            ORDERS.forEach(order -> clearsAt.put(order.orderId(), NOW.minus(Duration.ofDays(3))));
            clearsAt.putAll(clears);
            return new MoneyControls(NOW, holds, reflection, clearsAt);
        }
    }

    private static String id(Order order) {
        return order.orderId().value();
    }

    private static Order order(String name, String orderAmount, String feeAmount) {
        return new Order(
                Domain.orderId(name),
                PortalId.of("PRT1"),
                CampaignId.of("CMP1"),
                CompanyId.of("CO1"),
                InvestorId.of("INV1"),
                null,
                new BigDecimal(orderAmount).add(new BigDecimal(feeAmount)),
                new BigDecimal(orderAmount),
                new BigDecimal(feeAmount),
                "EUR",
                OrderChannel.MONEY_TRANSFER,
                null,
                ACCOUNTED,
                null,
                NOW,
                NOW);
    }

    private static Campaign campaign(CampaignStatus status, String targetMin) {
        CampaignTerms terms = new CampaignTerms(
                "Solar roofs",
                "",
                new BigDecimal(targetMin),
                new BigDecimal("5000"),
                "EUR",
                LocalDate.parse("2026-12-31"),
                SuccessFee.NONE);
        return new Campaign(CampaignId.of("CMP1"), PortalId.of("PRT1"), CompanyId.of("CO1"), terms, status, NOW, NOW);
    }

    /** A COMPANY and a FEE moneyout per order, HELD for the orders in {@code held}. */
    private static Map<OrderId, List<Moneyout>> moneyouts(Set<Order> held) {
        Map<OrderId, List<Moneyout>> byOrder = new LinkedHashMap<>();
        for (Order order : ORDERS) {
            MoneyoutStatus status = held.contains(order) ? MoneyoutStatus.HELD : MoneyoutStatus.AVAILABLE;
            byOrder.put(
                    order.orderId(),
                    List.of(
                            moneyout(order, MoneyoutType.COMPANY, order.orderAmount(), status),
                            moneyout(order, MoneyoutType.FEE, order.feeAmount(), status)));
        }
        return byOrder;
    }

    private static Moneyout moneyout(Order order, MoneyoutType type, BigDecimal amount, MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId("MO-" + order.orderId() + "-" + type),
                order.orderId(),
                new MoneyinId("MI-" + order.orderId()),
                order.portalId(),
                order.campaignId(),
                order.companyId(),
                type,
                status,
                amount,
                order.currency(),
                null,
                NOW,
                null);
    }
}
