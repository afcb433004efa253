package io.crowdrecon.recon.hold;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Transition;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What placing, releasing and refusing a compliance hold do to the orders under it, decided in plain Java from the
 * locked orders and their moneyouts.
 */
public final class HoldDecisions {

    /** The reason recorded on an order refunded or expired because its hold was refused. */
    public static final String REFUSED = "COMPLIANCE_HOLD_REFUSED";

    /** The orders that may still be paid: a refusal expires them so that no later payment is accepted. */
    static final Set<OrderStatus> PAYABLE =
            EnumSet.of(OrderStatus.CREATED, OrderStatus.WAITING, OrderStatus.INCORRECT_AMOUNT);

    private HoldDecisions() {}

    /**
     * Moneyouts moved along one row of {@link MoneyoutTransitions}, and the events announcing each move.
     *
     * @param moved the moneyouts as moved
     */
    public record MoneyoutMoves(List<Moneyout> moved, Transition<MoneyoutStatus, MoneyoutTrigger> row) {

        public List<OutboundEvent> events() {
            return moved.stream().map(MoneyoutMessage::statusChanged).toList();
        }
    }

    /**
     * Placing a hold: every AVAILABLE moneyout of the ACCOUNTED orders among {@code orders} becomes HELD. Moneyouts
     * already HELD (a chargeback) stay as they are; an order not accounted has no money here to hold.
     */
    public static MoneyoutMoves place(Collection<Order> orders, Collection<Moneyout> moneyouts, Instant now) {
        Set<OrderId> accounted = ids(orders, EnumSet.of(OrderStatus.ACCOUNTED));
        return moves(moneyouts, m -> accounted.contains(m.orderId()), MoneyoutTrigger.HOLD, now);
    }

    /**
     * Releasing a hold: the HELD moneyouts go back to AVAILABLE, but for orders still under another active hold
     * ({@code stillHeld}) or whose money a chargeback or a credit missing from the statement holds
     * ({@code heldByReview}: those go back when ops resolve that item).
     */
    public static MoneyoutMoves release(
            Collection<Order> orders,
            Collection<Moneyout> moneyouts,
            Set<OrderId> stillHeld,
            Set<OrderId> heldByReview,
            Instant now) {
        Set<OrderId> accounted = ids(orders, EnumSet.of(OrderStatus.ACCOUNTED));
        return moves(
                moneyouts,
                m -> accounted.contains(m.orderId())
                        && !stillHeld.contains(m.orderId())
                        && !heldByReview.contains(m.orderId()),
                MoneyoutTrigger.RELEASE,
                now);
    }

    /**
     * What refusing a hold does to {@code orders}: the ACCOUNTED ones are refunded in full to their payers, the
     * payable ones expire. Refused with {@code ILLEGAL_TRANSITION}, nothing changed, when the money of an accounted one
     * is held by a chargeback or a credit missing from the statement ({@code heldByReview}): ops resolve that first.
     *
     * @param refund the accounted orders, in id order
     * @param expire the payable orders, in id order
     */
    public record Refusal(List<Order> refund, List<Order> expire) {}

    public static Refusal refuse(ComplianceHold hold, Collection<Order> orders, Set<OrderId> heldByReview) {
        List<Order> refund = sorted(orders, EnumSet.of(OrderStatus.ACCOUNTED));
        List<OrderId> blocked = refund.stream()
                .map(Order::orderId)
                .filter(heldByReview::contains)
                .toList();
        if (!blocked.isEmpty()) {
            throw new DomainException(
                            ErrorCode.ILLEGAL_TRANSITION,
                            "Hold " + hold.holdId() + " cannot be refused while a chargeback or a credit missing from"
                                    + " the bank statement holds the money of " + blocked
                                    + ": resolve that review item first")
                    .with(
                            "orders",
                            blocked.stream()
                                    .map(id -> java.util.Map.of("orderId", id.value()))
                                    .toList());
        }
        return new Refusal(refund, sorted(orders, PAYABLE));
    }

    private static MoneyoutMoves moves(
            Collection<Moneyout> moneyouts,
            java.util.function.Predicate<Moneyout> concerned,
            MoneyoutTrigger trigger,
            Instant now) {
        Transition<MoneyoutStatus, MoneyoutTrigger> row = MoneyoutTransitions.row(trigger);
        return new MoneyoutMoves(
                moneyouts.stream()
                        .filter(concerned)
                        .filter(m -> row.from().contains(m.status()))
                        .map(m -> m.moved(row, now))
                        .toList(),
                row);
    }

    private static Set<OrderId> ids(Collection<Order> orders, Set<OrderStatus> statuses) {
        return Set.copyOf(sorted(orders, statuses).stream().map(Order::orderId).toList());
    }

    private static List<Order> sorted(Collection<Order> orders, Set<OrderStatus> statuses) {
        return orders.stream()
                .filter(o -> statuses.contains(o.status()))
                .sorted(java.util.Comparator.comparing(o -> o.orderId().value()))
                .toList();
    }
}
