package io.crowdrecon.recon.payment.card;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.ComplianceHolds;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewActions;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewTransitions;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Ops decide a chargeback: RELEASE gives the held moneyouts back (AVAILABLE), unless a compliance hold is active on
 * the order (they stay HELD until it is released); REVERSE accepts that
 * the card network took the money back: the moneyouts are REVERSED and the order REFUNDED (reason
 * {@code CHARGEBACK}), with no refund instruction since nothing is ours to send.
 */
public class ChargebackResolution implements ReviewActions {

    public static final String RELEASE = ChargebackDecision.RELEASE;
    public static final String REVERSE = ChargebackDecision.REVERSE;

    private final Orders orders;
    private final OrderMoves moves;
    private final Moneyouts moneyouts;
    private final ComplianceHolds holds;
    private final CardEvents cardEvents;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final Clock clock;

    public ChargebackResolution(
            Orders orders,
            OrderMoves moves,
            Moneyouts moneyouts,
            ComplianceHolds holds,
            CardEvents cardEvents,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            Clock clock) {
        this.orders = orders;
        this.moves = moves;
        this.moneyouts = moneyouts;
        this.holds = holds;
        this.cardEvents = cardEvents;
        this.reviewItems = reviewItems;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean takesAction(ReviewKind kind) {
        return kind == ReviewKind.CHARGEBACK;
    }

    @Override
    public Mono<ReviewItem> resolveWith(ReviewItem item, String action, String note) {
        return Mono.fromRunnable(() -> ChargebackDecision.requireAction(action)).then(transactions.inTransaction(() -> {
            OrderId orderId = Objects.requireNonNull(item.orderId(), "a chargeback review names its order");
            return orders.lockById(orderId)
                    .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId.value())))
                    .flatMap(order -> moneyouts
                            .lockOfOrder(order.orderId())
                            .filter(m -> m.status() == MoneyoutStatus.HELD)
                            .collectList()
                            .zipWith(holds.holdsOrder(order.orderId()))
                            .flatMap(t -> {
                                Instant now = clock.instant();
                                return carryOut(
                                        item,
                                        order,
                                        ChargebackDecision.resolve(order, t.getT1(), action, t.getT2(), now),
                                        now);
                            }))
                    .then(reviewItems.move(
                            item.reviewItemId(),
                            ReviewTransitions.row(item, ReviewTrigger.RESOLVED_BY_OPS),
                            note + " [" + action + "]",
                            clock.instant()));
        }));
    }

    private Mono<Void> carryOut(ReviewItem item, Order order, ChargebackDecision decision, Instant now) {
        Mono<Void> moved = moneyouts.moveAll(
                decision.moved().stream().map(Moneyout::moneyoutId).toList(), decision.row(), now);
        if (decision.reversed() == null) {
            return moved.then(events.append(decision.moneyoutEvents()));
        }
        Mono<List<OutboundEvent>> orderEvent = decision.refundOrder()
                ? moves.move(order, OrderTrigger.REFUND, OrderReasons.CHARGEBACK)
                        .map(m -> List.of(m.event()))
                : Mono.just(List.of());
        return moved.then(cardEvents.recordChargebackReversal(
                        order.orderId().value(),
                        decision.moneyinId(),
                        order.campaignId().value(),
                        decision.reversed(),
                        order.currency(),
                        item.reviewItemId(),
                        now))
                .then(orderEvent)
                .flatMap(refunded -> {
                    List<OutboundEvent> announced = new ArrayList<>(decision.moneyoutEvents());
                    announced.addAll(refunded);
                    return events.append(announced);
                });
    }
}
