package io.crowdrecon.recon.order;

import static io.crowdrecon.recon.order.OrderStatus.ACCOUNTED;
import static io.crowdrecon.recon.order.OrderStatus.CANCELLED;
import static io.crowdrecon.recon.order.OrderStatus.CREATED;
import static io.crowdrecon.recon.order.OrderStatus.EXPIRED;
import static io.crowdrecon.recon.order.OrderStatus.FAILED;
import static io.crowdrecon.recon.order.OrderStatus.INCORRECT_AMOUNT;
import static io.crowdrecon.recon.order.OrderStatus.REFUNDED;
import static io.crowdrecon.recon.order.OrderStatus.REVOKED;
import static io.crowdrecon.recon.order.OrderStatus.SPLITTED;
import static io.crowdrecon.recon.order.OrderStatus.WAITING;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order lifecycle of SPEC section 4 as data. Creation ({@code POST /orders} → {@code CREATED}) is not a
 * transition and is not listed.
 *
 * <p>A move that would leave the status unchanged is never in the table: callers answer a {@code PUT} to the current
 * status with 200 and no change before asking for the next status, and answer 409 {@code ILLEGAL_TRANSITION} when
 * {@link #next} is empty.
 */
public final class OrderTransitions {

    private static final Set<OrderStatus> PAYABLE = EnumSet.of(CREATED, WAITING, INCORRECT_AMOUNT);

    private static final TransitionTable<OrderStatus, OrderTrigger> TABLE = new TransitionTable<>(List.of(
            row(EnumSet.of(CREATED, INCORRECT_AMOUNT), OrderTrigger.PORTAL_WAITING, WAITING),
            row(EnumSet.of(CREATED, INCORRECT_AMOUNT), OrderTrigger.CARD_AUTHORISED, WAITING),
            row(PAYABLE, OrderTrigger.MATCHING_CREDIT, ACCOUNTED),
            row(EnumSet.of(CREATED, WAITING), OrderTrigger.WRONG_AMOUNT_CREDIT, INCORRECT_AMOUNT),
            row(EnumSet.of(CREATED, WAITING), OrderTrigger.PORTAL_FAILED, FAILED),
            row(EnumSet.of(CREATED, WAITING), OrderTrigger.CARD_AUTHORISATION_FAILED, FAILED),
            row(PAYABLE, OrderTrigger.PORTAL_CANCELLED, CANCELLED),
            row(EnumSet.of(ACCOUNTED), OrderTrigger.PORTAL_CANCELLED, REFUNDED),
            row(EnumSet.of(ACCOUNTED), OrderTrigger.REFUND, REFUNDED),
            row(EnumSet.of(ACCOUNTED), OrderTrigger.EXECUTE, SPLITTED),
            row(PAYABLE, OrderTrigger.EXPIRE, EXPIRED),
            row(EnumSet.of(ACCOUNTED), OrderTrigger.RECALL, WAITING),
            row(PAYABLE, OrderTrigger.PORTAL_REVOKED, REVOKED),
            row(EnumSet.of(ACCOUNTED), OrderTrigger.PORTAL_REVOKED, REVOKED)));

    private OrderTransitions() {}

    /** The status {@code trigger} moves an order in status {@code from} to; empty when the move is not allowed. */
    public static Optional<OrderStatus> next(OrderStatus from, OrderTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /** Whether a credit of the right amount and currency accounts an order in {@code status}. */
    public static boolean isPayable(OrderStatus status) {
        return TABLE.allows(status, OrderTrigger.MATCHING_CREDIT);
    }

    /** The statuses {@code trigger} moves an order from, whatever its target (what a store selects movable orders by). */
    public static Set<OrderStatus> from(OrderTrigger trigger) {
        EnumSet<OrderStatus> from = EnumSet.noneOf(OrderStatus.class);
        TABLE.rows().stream().filter(row -> row.trigger() == trigger).forEach(row -> from.addAll(row.from()));
        return from;
    }

    /** Whether the table has a move for {@code trigger} from {@code from}. */
    public static boolean allows(OrderStatus from, OrderTrigger trigger) {
        return TABLE.allows(from, trigger);
    }

    /**
     * The step {@code trigger} makes {@code order} take: the only way an order's status changes. Errors with
     * {@code DomainException} {@code ILLEGAL_TRANSITION} when the table has no such move.
     */
    public static StatusChange change(Order order, OrderTrigger trigger, String reason, Instant at) {
        OrderStatus to = TABLE.row("Order", order.orderId().value(), order.status(), trigger)
                .to();
        return new StatusChange(to, order.status(), reason, at);
    }

    /** The rows of the table, in SPEC order. */
    public static List<Transition<OrderStatus, OrderTrigger>> rows() {
        return TABLE.rows();
    }

    private static Transition<OrderStatus, OrderTrigger> row(
            Set<OrderStatus> from, OrderTrigger trigger, OrderStatus to) {
        return new Transition<>(from, trigger, to);
    }
}
