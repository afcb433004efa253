package io.crowdrecon.recon.order;

import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.shared.Periodically;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expires payable orders whose payment window has passed, in batches, each its own transaction.
 * Safe with several instances: each batch locks its orders with SKIP LOCKED, so two instances
 * never take the same order, and a credit holding an order's lock simply wins the race (the
 * order is expired by a later run if the credit did not pay it).
 */
public class OrderExpiry {

    static final int BATCH = 500;

    private final Orders orders;
    private final OrderMoves moves;
    private final EventLog events;
    private final Transactions transactions;
    private final Clock clock;

    public OrderExpiry(Orders orders, OrderMoves moves, EventLog events, Transactions transactions, Clock clock) {
        this.orders = orders;
        this.moves = moves;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Expires every overdue order; emits how many. */
    public Mono<Long> expireOverdue() {
        return expireBatch()
                .expand(expired -> expired == BATCH ? expireBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> expireBatch() {
        Instant now = clock.instant();
        return transactions.inTransaction(
                () -> orders.lockOverdue(OrderTransitions.from(OrderTrigger.EXPIRE), now, BATCH)
                        .collectList()
                        .map(locked -> due(locked, now))
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(order -> moves.move(order, OrderTrigger.EXPIRE, OrderReasons.PAYMENT_WINDOW_PASSED))
                        .map(OrderMoves.Moved::event)
                        .collectList()
                        .flatMap(expired -> append(expired).thenReturn((long) expired.size())));
    }

    /**
     * The orders of {@code locked} that expire at {@code now}: those the table expires whose payment window ended
     * before {@code now} (a credit received until then still pays the order).
     */
    static List<Order> due(List<Order> locked, Instant now) {
        return locked.stream()
                .filter(order -> OrderTransitions.allows(order.status(), OrderTrigger.EXPIRE))
                .filter(order -> order.paymentWindowEndsAt() != null
                        && order.paymentWindowEndsAt().isBefore(now))
                .toList();
    }

    private Mono<Void> append(List<OutboundEvent> expired) {
        return expired.isEmpty() ? Mono.empty() : events.append(expired);
    }

    /** Runs every {@code period}, forever. */
    public Flux<Long> every(java.time.Duration period) {
        return Periodically.run(period, period, () -> expireOverdue().onErrorResume(e -> Mono.just(0L)));
    }
}
