package io.crowdrecon.recon.order;

import io.crowdrecon.recon.outbox.OutboundEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Moves one order along its lifecycle, recording the step and returning the event that announces
 * it. The caller holds the order's lock in its transaction, and appends the event with the others
 * at the end of it. A move to WAITING restarts the payment window.
 */
public class OrderMoves {

    /** The order as moved, and its {@code order-status} event. */
    public record Moved(Order order, OutboundEvent event) {}

    private final Orders orders;
    private final Clock clock;
    private final Duration paymentWindow;

    public OrderMoves(Orders orders, Clock clock, Duration paymentWindow) {
        this.orders = orders;
        this.clock = clock;
        this.paymentWindow = paymentWindow;
    }

    /**
     * Moves {@code order} on {@code trigger} along {@link OrderTransitions}. Errors with {@code DomainException}
     * {@code ILLEGAL_TRANSITION} when the table refuses the move, and with IllegalStateException if the order is no
     * longer in the status the caller locked it in.
     */
    public Mono<Moved> move(Order order, OrderTrigger trigger, String reason) {
        return Mono.fromCallable(() -> OrderTransitions.change(order, trigger, reason, clock.instant()))
                .flatMap(change -> record(order, change));
    }

    private Mono<Moved> record(Order order, StatusChange change) {
        boolean waiting = change.status() == OrderStatus.WAITING;
        Instant window = waiting ? change.at().plus(paymentWindow) : order.paymentWindowEndsAt();
        Order moved = order.moved(change, window);
        return orders.move(order.orderId(), change, waiting ? window : null)
                .flatMap(done -> done
                        ? Mono.just(new Moved(moved, event(moved, change)))
                        : Mono.error(new IllegalStateException("order " + order.orderId() + " moved under its lock")));
    }

    public Duration paymentWindow() {
        return paymentWindow;
    }

    public static OutboundEvent event(Order order, StatusChange change) {
        return new OrderStatusChanged(
                        order.orderId().value(),
                        order.campaignId().value(),
                        change.status(),
                        change.previousStatus(),
                        change.reason(),
                        change.at())
                .toEvent(order.portalId().value());
    }
}
