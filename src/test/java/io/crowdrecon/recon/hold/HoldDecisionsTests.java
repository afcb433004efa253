package io.crowdrecon.recon.hold;

import static io.crowdrecon.recon.order.OrderStatus.ACCOUNTED;
import static io.crowdrecon.recon.order.OrderStatus.CANCELLED;
import static io.crowdrecon.recon.order.OrderStatus.CREATED;
import static io.crowdrecon.recon.order.OrderStatus.INCORRECT_AMOUNT;
import static io.crowdrecon.recon.order.OrderStatus.REFUNDED;
import static io.crowdrecon.recon.order.OrderStatus.SPLITTED;
import static io.crowdrecon.recon.order.OrderStatus.WAITING;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.AVAILABLE;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.EXECUTED;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.HELD;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.REVERSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crowdrecon.recon.hold.HoldDecisions.MoneyoutMoves;
import io.crowdrecon.recon.hold.HoldDecisions.Refusal;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.Domain;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What placing, releasing and refusing a compliance hold do to the orders under it (issue 23 item 3): one row per
 * order status and moneyout status, then the facts that keep money held on release and refuse a refusal.
 */
class HoldDecisionsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final OrderId A = Domain.orderId("A");
    private static final OrderId B = Domain.orderId("B");

    static Stream<Arguments> placing() {
        return Stream.of(
                Arguments.of(ACCOUNTED, AVAILABLE, HELD),
                // A chargeback or a missing credit holds it already: it stays as it is.
                Arguments.of(ACCOUNTED, HELD, null),
                Arguments.of(ACCOUNTED, REVERSED, null),
                // An executed order's money has gone to the company: nothing is left to hold.
                Arguments.of(SPLITTED, EXECUTED, null),
                Arguments.of(REFUNDED, REVERSED, null));
    }

    @ParameterizedTest(name = "{0} order, {1} moneyout -> {2}")
    @MethodSource("placing")
    void placingAHoldHoldsTheAvailableMoneyOfAccountedOrdersOnly(
            OrderStatus order, MoneyoutStatus from, MoneyoutStatus expected) {
        MoneyoutMoves moves = HoldDecisions.place(List.of(order(A, order)), List.of(moneyout("MO1", A, from)), NOW);

        assertThat(moves.row().trigger()).isEqualTo(MoneyoutTrigger.HOLD);
        if (expected == null) {
            assertThat(moves.moved()).isEmpty();
        } else {
            assertThat(moves.moved()).extracting(Moneyout::status).containsExactly(expected);
        }
    }

    @Test
    void placingAnnouncesEachMoneyoutItHolds() {
        MoneyoutMoves moves = HoldDecisions.place(
                List.of(order(A, ACCOUNTED), order(B, WAITING)),
                List.of(moneyout("MO1", A, AVAILABLE), moneyout("MO2", A, AVAILABLE)),
                NOW);

        assertThat(moves.moved())
                .extracting(m -> m.moneyoutId().value(), Moneyout::status)
                .containsExactly(tuple("MO1", HELD), tuple("MO2", HELD));
        assertThat(moves.events())
                .containsExactly(
                        MoneyoutMessage.statusChanged(moves.moved().get(0)),
                        MoneyoutMessage.statusChanged(moves.moved().get(1)));
        assertThat(moves.events()).extracting(OutboundEvent::type).containsOnly(MoneyoutMessage.STATUS_CHANGED);
    }

    static Stream<Arguments> releasing() {
        return Stream.of(
                Arguments.of("no other hold nor review item", Set.of(), Set.of(), AVAILABLE),
                Arguments.of("another active hold on it or its investor", Set.of(A), Set.of(), null),
                Arguments.of("an open CHARGEBACK or NOT_ON_STATEMENT item", Set.of(), Set.of(A), null),
                Arguments.of("both", Set.of(A), Set.of(A), null),
                Arguments.of("another order's hold", Set.of(B), Set.of(B), AVAILABLE));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("releasing")
    void releasingGivesTheMoneyBackUnlessSomethingElseStillHoldsIt(
            String why, Set<OrderId> stillHeld, Set<OrderId> heldByReview, MoneyoutStatus expected) {
        MoneyoutMoves moves = HoldDecisions.release(
                List.of(order(A, ACCOUNTED)), List.of(moneyout("MO1", A, HELD)), stillHeld, heldByReview, NOW);

        assertThat(moves.row().trigger()).isEqualTo(MoneyoutTrigger.RELEASE);
        if (expected == null) {
            assertThat(moves.moved()).isEmpty();
        } else {
            assertThat(moves.moved()).extracting(Moneyout::status).containsExactly(expected);
        }
    }

    @Test
    void releasingMovesOnlyHeldMoneyouts() {
        MoneyoutMoves moves = HoldDecisions.release(
                List.of(order(A, ACCOUNTED)),
                List.of(moneyout("MO1", A, REVERSED), moneyout("MO2", A, HELD)),
                Set.of(),
                Set.of(),
                NOW);

        assertThat(moves.moved()).extracting(m -> m.moneyoutId().value()).containsExactly("MO2");
    }

    @Test
    void refusingRefundsTheAccountedOrdersAndExpiresThePayableOnes() {
        OrderId c = Domain.orderId("C");
        OrderId d = Domain.orderId("D");
        OrderId e = Domain.orderId("E");

        Refusal refusal = HoldDecisions.refuse(
                hold(),
                List.of(
                        order(e, CANCELLED),
                        order(d, INCORRECT_AMOUNT),
                        order(c, CREATED),
                        order(B, WAITING),
                        order(A, ACCOUNTED)),
                Set.of());

        assertThat(refusal.refund()).extracting(Order::orderId).containsExactly(A);
        assertThat(refusal.expire()).extracting(Order::orderId).containsExactly(B, c, d);
    }

    @Test
    void aChargebackOnAnAccountedOrderRefusesTheWholeRefusalNamingTheOrders() {
        assertThatThrownBy(
                        () -> HoldDecisions.refuse(hold(), List.of(order(A, ACCOUNTED), order(B, WAITING)), Set.of(A)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                    assertThat(e.extensions()).containsEntry("orders", List.of(java.util.Map.of("orderId", A.value())));
                });
    }

    @Test
    void aReviewItemOnAPayableOrderDoesNotStopARefusal() {
        Refusal refusal = HoldDecisions.refuse(hold(), List.of(order(B, WAITING)), Set.of(B));

        assertThat(refusal.expire()).extracting(Order::orderId).containsExactly(B);
    }

    private static ComplianceHold hold() {
        return ComplianceHold.placed(
                HoldId.of("HLD1"),
                PortalId.of("P1"),
                InvestorId.of("I1"),
                null,
                "AML review",
                OperatorId.of("OPR1"),
                "Ada Rossi",
                NOW);
    }

    private static Order order(OrderId id, OrderStatus status) {
        Order o = Domain.order(status, NOW, NOW);
        return new Order(
                id,
                o.portalId(),
                o.campaignId(),
                o.companyId(),
                o.investorId(),
                o.investorAccount(),
                o.totalAmount(),
                o.orderAmount(),
                o.feeAmount(),
                o.currency(),
                o.channel(),
                o.portalReferences(),
                status,
                o.paymentWindowEndsAt(),
                o.createdAt(),
                o.updatedAt());
    }

    private static Moneyout moneyout(String id, OrderId orderId, MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId(id),
                orderId,
                new MoneyinId("MI1"),
                PortalId.of("P1"),
                io.crowdrecon.recon.shared.CampaignId.of("C1"),
                CompanyId.of("CO1"),
                MoneyoutType.COMPANY,
                status,
                new BigDecimal("1000"),
                "EUR",
                null,
                NOW,
                null);
    }
}
