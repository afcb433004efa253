package io.crowdrecon.recon.payment.card;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutData;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewActions;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewTransitions;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Ops decide a chargeback: RELEASE gives the held moneyouts back (AVAILABLE); REVERSE accepts that
 * the card network took the money back: the moneyouts are REVERSED and the order REFUNDED (reason
 * {@code CHARGEBACK}), with no refund instruction since nothing is ours to send.
 */
public class ChargebackResolution implements ReviewActions {

    public static final String RELEASE = "RELEASE";
    public static final String REVERSE = "REVERSE";

    private final Orders orders;
    private final OrderMoves moves;
    private final Moneyouts moneyouts;
    private final CardEvents cardEvents;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final Clock clock;

    public ChargebackResolution(
            Orders orders,
            OrderMoves moves,
            Moneyouts moneyouts,
            CardEvents cardEvents,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            Clock clock) {
        this.orders = orders;
        this.moves = moves;
        this.moneyouts = moneyouts;
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
        if (!RELEASE.equals(action) && !REVERSE.equals(action)) {
            return Mono.error(() -> new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    "A chargeback is resolved with an" + " action",
                    List.of(new io.crowdrecon.recon.shared.FieldError("action", "must be RELEASE or REVERSE"))));
        }
        return transactions.inTransaction(() -> orders.lockById(item.orderId())
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", item.orderId())))
                .flatMap(order -> moneyouts
                        .lockOfOrder(order.orderId())
                        .filter(m -> m.status() == MoneyoutStatus.HELD)
                        .collectList()
                        .flatMap(held -> apply(item, order, held, action)))
                .then(reviewItems.move(
                        item.reviewItemId(),
                        ReviewTransitions.row(item, ReviewTrigger.RESOLVED_BY_OPS),
                        note + " [" + action + "]",
                        clock.instant())));
    }

    private Mono<Void> apply(ReviewItem item, Order order, List<Moneyout> held, String action) {
        if (held.isEmpty()) {
            return Mono.error(new DomainException(
                    ErrorCode.ILLEGAL_TRANSITION, "Order " + order.orderId() + " has no held moneyouts any more"));
        }
        Instant now = clock.instant();
        Transition<MoneyoutStatus, MoneyoutTrigger> row = MoneyoutTransitions.row(
                RELEASE.equals(action) ? MoneyoutTrigger.RELEASE : MoneyoutTrigger.REVERSE_HELD);
        List<OutboundEvent> announced = new ArrayList<>();
        held.forEach(m -> announced.add(MoneyoutData.statusChanged(m.moved(row, now))));
        Mono<Void> moved =
                moneyouts.moveAll(held.stream().map(Moneyout::moneyoutId).toList(), row, now);
        if (REVERSE.equals(action)) {
            BigDecimal amount = held.stream().map(Moneyout::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            moved = moved.then(cardEvents.recordChargebackReversal(
                            order.orderId(),
                            held.get(0).moneyinId(),
                            order.campaignId(),
                            amount,
                            order.currency(),
                            item.reviewItemId(),
                            now))
                    .then(
                            OrderTransitions.allows(order.status(), OrderTrigger.REFUND)
                                    ? moves.move(order, OrderTrigger.REFUND, OrderReasons.CHARGEBACK)
                                            .doOnNext(m -> announced.add(m.event()))
                                            .then()
                                    : Mono.empty());
        }
        return moved.then(Mono.defer(() -> events.append(announced)));
    }
}
