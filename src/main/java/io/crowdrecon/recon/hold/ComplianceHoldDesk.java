package io.crowdrecon.recon.hold;

import io.crowdrecon.recon.hold.HoldDecisions.MoneyoutMoves;
import io.crowdrecon.recon.hold.HoldDecisions.Refusal;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.payment.refund.PaymentRefunds;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewTransitions;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Places, releases and refuses compliance holds, each in one transaction with the moneyouts, orders, refunds, review
 * item and events it moves. The orders under a hold are locked (in id order, as matching locks them) before their
 * moneyouts are read, so that a credit matched meanwhile is either seen here or sees the hold.
 */
public class ComplianceHoldDesk {

    /** Who places or ends a hold: an operator, or a portal placing one on its own investor or order. */
    public record By(@Nullable OperatorId operatorId, String name, @Nullable PortalId portalId) {

        public static By operator(OperatorId operatorId, String name) {
            return new By(operatorId, name, null);
        }

        public static By portal(PortalId portalId) {
            return new By(null, "portal " + portalId, portalId);
        }
    }

    private final Holds holds;
    private final ActiveHolds active;
    private final Orders orders;
    private final OrderMoves moves;
    private final OrderRefunds refunds;
    private final Moneyouts moneyouts;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public ComplianceHoldDesk(
            Holds holds,
            ActiveHolds active,
            Orders orders,
            OrderMoves moves,
            OrderRefunds refunds,
            Moneyouts moneyouts,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.holds = holds;
        this.active = active;
        this.orders = orders;
        this.moves = moves;
        this.refunds = refunds;
        this.moneyouts = moneyouts;
        this.reviewItems = reviewItems;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Places a hold on the investor or the order (exactly one of them, checked by the caller), by {@code by}: the
     * AVAILABLE moneyouts of the accounted orders under it become HELD and a {@code COMPLIANCE_HOLD} review item opens.
     * A portal reaches only its own investors and orders. Emits the hold; errors with {@code NOT_FOUND} when the
     * investor or order is unknown (or another portal's).
     */
    public Mono<ComplianceHold> place(
            @Nullable InvestorId investorId, @Nullable OrderId orderId, String reason, By by) {
        return transactions.inTransaction(
                () -> portalOf(investorId, orderId, by.portalId()).flatMap(portalId -> {
                    Instant now = clock.instant();
                    ComplianceHold hold = ComplianceHold.placed(
                            ids.nextHoldId(), portalId, investorId, orderId, reason, by.operatorId(), by.name(), now);
                    return holds.add(hold)
                            .then(lockOrdersUnder(hold))
                            .flatMap(locked -> moneyoutsOf(locked).map(outs -> HoldDecisions.place(locked, outs, now)))
                            .flatMap(placed -> move(placed, now))
                            .then(reviewItems.addAll(List.of(review(hold, now))))
                            .thenReturn(hold);
                }));
    }

    /**
     * Releases the hold: its moneyouts go back to AVAILABLE on each order no other active hold, chargeback or missing
     * credit holds; its review item is resolved. A released hold is answered as it is; a refused one errors with
     * {@code ILLEGAL_TRANSITION}, an unknown one with {@code NOT_FOUND}.
     */
    public Mono<ComplianceHold> release(HoldId holdId, By by) {
        return transactions.inTransaction(() -> lock(holdId).flatMap(hold -> {
            if (hold.status() == HoldStatus.RELEASED) {
                return Mono.just(hold);
            }
            Transition<HoldStatus, HoldTrigger> row = HoldTransitions.row(hold, HoldTrigger.RELEASE);
            Instant now = clock.instant();
            ComplianceHold ended = hold.ended(row, endedBy(by), by.name(), now);
            return lockOrdersUnder(hold)
                    .flatMap(locked -> holds.end(ended, row)
                            .then(Mono.zip(
                                    active.onOrders(idsOf(locked)).map(held -> Set.copyOf(held.keySet())),
                                    reviewItems.withOpen(PaymentRefunds.HELD_BY_REVIEW, idsOf(locked)),
                                    moneyoutsOf(locked)))
                            .map(t -> HoldDecisions.release(locked, t.getT3(), t.getT1(), t.getT2(), now)))
                    .flatMap(released -> move(released, now))
                    .then(resolveReview(ended, "Released by " + by.name(), now))
                    .thenReturn(ended);
        }));
    }

    /**
     * Refuses the hold: every accounted order under it is refunded in full to its payer and becomes REFUNDED, every
     * payable one EXPIRED (reason {@value HoldDecisions#REFUSED}); its review item is resolved. A refused hold is
     * answered as it is; a released one errors with {@code ILLEGAL_TRANSITION}, as does one whose orders a chargeback
     * or a missing credit holds (nothing changed then); an unknown one with {@code NOT_FOUND}.
     */
    public Mono<ComplianceHold> refuse(HoldId holdId, By by) {
        return transactions.inTransaction(() -> lock(holdId).flatMap(hold -> {
            if (hold.status() == HoldStatus.REFUSED) {
                return Mono.just(hold);
            }
            Transition<HoldStatus, HoldTrigger> row = HoldTransitions.row(hold, HoldTrigger.REFUSE);
            Instant now = clock.instant();
            ComplianceHold ended = hold.ended(row, endedBy(by), by.name(), now);
            return lockOrdersUnder(hold)
                    .flatMap(locked -> reviewItems
                            .withOpen(PaymentRefunds.HELD_BY_REVIEW, idsOf(locked))
                            .map(heldByReview -> HoldDecisions.refuse(hold, locked, heldByReview)))
                    .flatMap(refusal -> holds.end(ended, row).then(carryOut(refusal)))
                    .flatMap(events::append)
                    .then(resolveReview(ended, "Refused by " + by.name(), now))
                    .thenReturn(ended);
        }));
    }

    /** The hold, if {@code portalId} (when not null) owns it; empty otherwise. */
    public Mono<ComplianceHold> byId(HoldId holdId, @Nullable PortalId portalId) {
        return holds.byId(holdId)
                .filter(hold -> portalId == null || hold.portalId().equals(portalId));
    }

    public Mono<Page<ComplianceHold>> page(
            @Nullable HoldStatus status, @Nullable InvestorId investorId, @Nullable OrderId orderId, PageRequest page) {
        return holds.page(null, status, investorId, orderId, page);
    }

    /** The portal of the held investor or order, if {@code callingPortal} (when not null) is it; else NOT_FOUND. */
    private Mono<PortalId> portalOf(
            @Nullable InvestorId investorId, @Nullable OrderId orderId, @Nullable PortalId callingPortal) {
        Mono<PortalId> owner = investorId != null
                ? holds.portalOfInvestor(investorId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Investor", investorId.value())))
                : orders.lockById(java.util.Objects.requireNonNull(orderId, "a hold is on an investor or an order"))
                        .map(Order::portalId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId.value())));
        return owner.filter(portalId -> callingPortal == null || portalId.equals(callingPortal))
                .switchIfEmpty(Mono.error(() -> investorId != null
                        ? DomainException.notFound("Investor", investorId.value())
                        : DomainException.notFound("Order", String.valueOf(orderId))));
    }

    private Mono<ComplianceHold> lock(HoldId holdId) {
        return holds.lockById(holdId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Compliance hold", holdId.value())));
    }

    /** Every order under the hold (the order, or all its investor's), locked in id order. */
    private Mono<List<Order>> lockOrdersUnder(ComplianceHold hold) {
        Mono<List<OrderId>> orderIds = hold.orderId() != null
                ? Mono.just(List.of(hold.orderId()))
                : holds.ordersOfInvestor(java.util.Objects.requireNonNull(hold.investorId()))
                        .collectList();
        return orderIds.flatMap(idList -> orders.lockAll(idList).collectList());
    }

    /** The moneyouts of the accounted orders among {@code locked}, locked. */
    private Mono<List<Moneyout>> moneyoutsOf(List<Order> locked) {
        return Flux.fromIterable(locked)
                .filter(order -> order.status() == OrderStatus.ACCOUNTED)
                .concatMap(order -> moneyouts.lockOfOrder(order.orderId()))
                .collectList();
    }

    private Mono<Void> move(MoneyoutMoves decided, Instant now) {
        return moneyouts
                .moveAll(decided.moved().stream().map(Moneyout::moneyoutId).toList(), decided.row(), now)
                .then(events.append(decided.events()));
    }

    /** Refunds then moves each accounted order, then expires each payable one; emits every event, in that order. */
    private Mono<List<OutboundEvent>> carryOut(Refusal refusal) {
        Flux<OutboundEvent> refunded = Flux.fromIterable(refusal.refund())
                .concatMap(order -> refunds.refundInFull(order, HoldDecisions.REFUSED)
                        .flatMapMany(Flux::fromIterable)
                        .concatWith(moves.move(order, OrderTrigger.REFUND, HoldDecisions.REFUSED)
                                .map(OrderMoves.Moved::event)));
        Flux<OutboundEvent> expired = Flux.fromIterable(refusal.expire())
                .concatMap(order -> moves.move(order, OrderTrigger.EXPIRE, HoldDecisions.REFUSED)
                        .map(OrderMoves.Moved::event));
        return refunded.concatWith(expired).collect(ArrayList::new, List::add);
    }

    private ReviewItem review(ComplianceHold hold, Instant now) {
        return ReviewItem.open(
                        ids.nextReviewItemId(),
                        ReviewKind.COMPLIANCE_HOLD,
                        hold.portalId(),
                        hold.orderId(),
                        hold.holdId().value(),
                        "Compliance hold " + hold.holdId() + " on " + hold.subject() + " placed by "
                                + hold.placedByName() + ": " + hold.reason()
                                + ". Its money cannot reach the company until released (PUT /ops/holds/"
                                + hold.holdId() + "/released) and goes back to its payers if refused (PUT /ops/holds/"
                                + hold.holdId() + "/refused)",
                        now)
                .withDedupeKey(ReviewKind.COMPLIANCE_HOLD + ":" + hold.holdId());
    }

    private Mono<Void> resolveReview(ComplianceHold ended, String note, Instant now) {
        return reviewItems.moveAll(
                ReviewKind.COMPLIANCE_HOLD,
                ended.holdId().value(),
                ReviewTransitions.row(ReviewTrigger.RESOLVED_BY_OPS),
                note,
                now);
    }

    /** Only ops end a hold: the controller lets no portal reach release or refuse. */
    private static OperatorId endedBy(By by) {
        return java.util.Objects.requireNonNull(by.operatorId(), "only an operator ends a hold");
    }

    private static List<OrderId> idsOf(List<Order> locked) {
        return locked.stream().map(Order::orderId).toList();
    }
}
