package io.crowdrecon.recon.payment.card;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transition;
import java.time.Instant;
import java.util.List;

/**
 * What a card gateway event other than a REFUND means for the books (SPEC sections 4 and 6), decided in plain Java
 * from the order it names and that order's moneyouts. Events may arrive out of order: an authorisation after its
 * capture changes nothing, a failed one neither (the money is there).
 */
public sealed interface CardEventDecision {

    /** The outcome recorded with the event. */
    String outcome();

    /** The review items it opens. */
    List<ReviewItem> reviews();

    /** Nothing changes but what is recorded: {@code CAPTURE_FAILED}, {@code UNKNOWN_ORDER}, {@code NO_CHANGE}, … */
    record Recorded(String outcome, List<ReviewItem> reviews) implements CardEventDecision {

        static Recorded of(String outcome) {
            return new Recorded(outcome, List.of());
        }
    }

    /** An authorisation moves the order on {@code trigger}: {@code APPLIED}. */
    record MoveOrder(Order order, OrderTrigger trigger) implements CardEventDecision {

        @Override
        public String outcome() {
            return "APPLIED";
        }

        @Override
        public List<ReviewItem> reviews() {
            return List.of();
        }
    }

    /**
     * A chargeback on an accounted order whose money is all still here: its moneyouts are {@code HELD} along
     * {@code hold} and a {@code CHARGEBACK} item asks ops to RELEASE or REVERSE them: {@code HELD}.
     *
     * @param held the moneyouts as moved
     * @param at when they were held
     */
    record Hold(List<Moneyout> held, Transition<MoneyoutStatus, MoneyoutTrigger> hold, Instant at, ReviewItem review)
            implements CardEventDecision {

        @Override
        public String outcome() {
            return "HELD";
        }

        @Override
        public List<ReviewItem> reviews() {
            return List.of(review);
        }

        /** Each moneyout's move, in order. */
        public List<OutboundEvent> events() {
            return held.stream().map(MoneyoutMessage::statusChanged).toList();
        }
    }

    /** A failed CAPTURE: the money never came, so nothing changes. */
    static CardEventDecision failedCapture() {
        return Recorded.of("CAPTURE_FAILED");
    }

    /** An event naming no order of its portal; a chargeback of money crowdrecon never booked is for ops to see. */
    static CardEventDecision unknownOrder(CardEvent event, IdGenerator ids, Instant now) {
        if (event.code() != CardEvent.Code.CHARGEBACK) {
            return Recorded.of("UNKNOWN_ORDER");
        }
        return new Recorded(
                "UNKNOWN_ORDER",
                List.of(ReviewItem.open(
                        ids.nextReviewItemId(),
                        ReviewKind.UNEXPECTED_DEBIT,
                        null,
                        null,
                        event.notificationId(),
                        "Chargeback " + event.notificationId() + " of "
                                + event.amount().toPlainString() + " "
                                + event.currency() + " names order " + event.orderId()
                                + ", which is unknown; nothing was changed",
                        now)));
    }

    /**
     * An AUTHORISATION: success moves a CREATED or INCORRECT_AMOUNT order to WAITING, failure a CREATED or WAITING one
     * to FAILED, as the order's table says; any other (repeated, or after the capture) changes nothing.
     */
    static CardEventDecision authorisation(CardEvent event, Order order) {
        OrderTrigger trigger = event.success() ? OrderTrigger.CARD_AUTHORISED : OrderTrigger.CARD_AUTHORISATION_FAILED;
        return OrderTransitions.allows(order.status(), trigger)
                ? new MoveOrder(order, trigger)
                : Recorded.of("NO_CHANGE");
    }

    /**
     * A CHARGEBACK: on an ACCOUNTED order whose moneyouts are all AVAILABLE they are held ({@code HELD}); already held
     * by an earlier chargeback ({@code chargebackOpen}: its item is open), nothing changes ({@code ALREADY_HELD});
     * otherwise the money has gone out and a {@code CHARGEBACK_LOSS} item tells ops ({@code LOSS}).
     */
    static CardEventDecision chargeback(
            CardEvent event, Order order, List<Moneyout> moneyouts, IdGenerator ids, Instant now) {
        return chargeback(event, order, moneyouts, true, ids, now);
    }

    /**
     * Like {@link #chargeback(CardEvent, Order, List, IdGenerator, Instant)}; when the moneyouts are HELD for another
     * reason than an open chargeback (a compliance hold, a credit missing from the statement) a {@code CHARGEBACK} item
     * is opened all the same ({@code HELD}, nothing moved): the card network may have taken the money, and releasing
     * that other hold must not give it to the company.
     */
    static CardEventDecision chargeback(
            CardEvent event,
            Order order,
            List<Moneyout> moneyouts,
            boolean chargebackOpen,
            IdGenerator ids,
            Instant now) {
        boolean allAvailable =
                !moneyouts.isEmpty() && moneyouts.stream().allMatch(m -> m.status() == MoneyoutStatus.AVAILABLE);
        boolean heldOtherwise = !chargebackOpen
                && moneyouts.stream().anyMatch(m -> m.status() == MoneyoutStatus.HELD)
                && moneyouts.stream().noneMatch(m -> m.status() == MoneyoutStatus.AVAILABLE);
        if (order.status() == OrderStatus.ACCOUNTED && (allAvailable || heldOtherwise)) {
            Transition<MoneyoutStatus, MoneyoutTrigger> hold = MoneyoutTransitions.row(MoneyoutTrigger.HOLD);
            return new Hold(
                    moneyouts.stream()
                            .filter(m -> hold.from().contains(m.status()))
                            .map(m -> m.moved(hold, now))
                            .toList(),
                    hold,
                    now,
                    ReviewItem.open(
                            ids.nextReviewItemId(),
                            ReviewKind.CHARGEBACK,
                            order.portalId(),
                            order.orderId(),
                            event.notificationId(),
                            "Chargeback " + event.notificationId() + " ("
                                    + event.amount().toPlainString() + " "
                                    + event.currency() + ", "
                                    + (event.reason() == null ? "no reason given" : event.reason()) + ") on order "
                                    + order.orderId() + ": its moneyouts are HELD; resolve with action RELEASE or"
                                    + " REVERSE",
                            now));
        }
        if (moneyouts.stream().anyMatch(m -> m.status() == MoneyoutStatus.HELD)) {
            return Recorded.of("ALREADY_HELD");
        }
        return new Recorded(
                "LOSS",
                List.of(ReviewItem.open(
                        ids.nextReviewItemId(),
                        ReviewKind.CHARGEBACK_LOSS,
                        order.portalId(),
                        order.orderId(),
                        event.notificationId(),
                        "Chargeback " + event.notificationId() + " ("
                                + event.amount().toPlainString() + " "
                                + event.currency() + ") on order " + order.orderId() + ", which is " + order.status()
                                + ": its money has already gone out",
                        now)));
    }
}
