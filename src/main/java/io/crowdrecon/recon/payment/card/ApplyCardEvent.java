package io.crowdrecon.recon.payment.card;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.instruction.ApplyBankDebit;
import io.crowdrecon.recon.payment.instruction.BankDebit;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutData;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What the card gateway's notifications mean for the books (SPEC.md sections 4 and 6), each applied
 * once in its own transaction. Events may arrive out of order: an authorisation after its capture
 * changes nothing, a failed authorisation after a capture neither (the money is there).
 * <ul>
 *   <li>AUTHORISATION: success moves a CREATED or INCORRECT_AMOUNT order to WAITING, failure a
 *       CREATED or WAITING one to FAILED;
 *   <li>CAPTURE with {@code success:false}: changes nothing;
 *   <li>REFUND: the gateway's answer to one of our card instructions, like a bank DEBIT;
 *   <li>CHARGEBACK: on an ACCOUNTED order its moneyouts are HELD ({@code CHARGEBACK} review item,
 *       resolved by ops with RELEASE or REVERSE); after a payout {@code CHARGEBACK_LOSS}.
 * </ul>
 */
public class ApplyCardEvent {

    private final CardEvents cardEvents;
    private final ApplyBankDebit answers;
    private final Orders orders;
    private final OrderMoves moves;
    private final Moneyouts moneyouts;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public ApplyCardEvent(
            CardEvents cardEvents,
            ApplyBankDebit answers,
            Orders orders,
            OrderMoves moves,
            Moneyouts moneyouts,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.cardEvents = cardEvents;
        this.answers = answers;
        this.orders = orders;
        this.moves = moves;
        this.moneyouts = moneyouts;
        this.reviewItems = reviewItems;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Completes once applied and committed; a redelivered notification is a no-op. */
    public Mono<Void> apply(CardEvent event) {
        if (event.code() == CardEvent.Code.REFUND) {
            return refundAnswer(event);
        }
        return transactions.inTransaction(() -> cardEvents
                .isRecorded(event.notificationId())
                .flatMap(recorded -> recorded
                        ? Mono.empty()
                        : decide(event).flatMap(effect -> cardEvents
                                .record(event, effect.outcome(), clock.instant())
                                .then(reviewItems.addAll(effect.reviews()))
                                .then(events.append(effect.events())))));
    }

    private record Effect(String outcome, List<ReviewItem> reviews, List<OutboundEvent> events) {
        static Effect of(String outcome) {
            return new Effect(outcome, List.of(), List.of());
        }
    }

    private Mono<Effect> decide(CardEvent event) {
        if (event.code() == CardEvent.Code.CAPTURE) {
            return Mono.just(Effect.of("CAPTURE_FAILED"));
        }
        return orders.lockById(event.orderId())
                .filter(order ->
                        event.sourcePortalId() == null || event.sourcePortalId().equals(order.portalId()))
                .flatMap(order -> event.code() == CardEvent.Code.AUTHORISATION
                        ? authorisation(event, order)
                        : chargeback(event, order))
                .switchIfEmpty(Mono.fromSupplier(() -> event.code() == CardEvent.Code.CHARGEBACK
                        ? new Effect(
                                "UNKNOWN_ORDER",
                                List.of(review(
                                        ReviewKind.UNEXPECTED_DEBIT,
                                        null,
                                        null,
                                        event.notificationId(),
                                        "Chargeback " + event.notificationId() + " of "
                                                + event.amount().toPlainString() + " " + event.currency()
                                                + " names order "
                                                + event.orderId() + ", which is unknown; nothing was changed")),
                                List.of())
                        : Effect.of("UNKNOWN_ORDER")));
    }

    private Mono<Effect> authorisation(CardEvent event, Order order) {
        OrderTrigger trigger = event.success() ? OrderTrigger.CARD_AUTHORISED : OrderTrigger.CARD_AUTHORISATION_FAILED;
        if (!OrderTransitions.allows(order.status(), trigger)) {
            return Mono.just(Effect.of("NO_CHANGE")); // out of order or repeated (already WAITING, already paid)
        }
        return moves.move(order, trigger, trigger.name())
                .map(moved -> new Effect("APPLIED", List.of(), List.of(moved.event())));
    }

    private Mono<Effect> chargeback(CardEvent event, Order order) {
        return moneyouts.lockOfOrder(order.orderId()).collectList().flatMap(outs -> {
            Instant now = clock.instant();
            boolean allAvailable =
                    !outs.isEmpty() && outs.stream().allMatch(m -> m.status() == MoneyoutStatus.AVAILABLE);
            if (order.status() == OrderStatus.ACCOUNTED && allAvailable) {
                Transition<MoneyoutStatus, MoneyoutTrigger> hold = MoneyoutTransitions.row(MoneyoutTrigger.HOLD);
                List<OutboundEvent> held = new ArrayList<>();
                outs.forEach(m -> held.add(MoneyoutData.statusChanged(m.moved(hold, now))));
                return moneyouts
                        .moveAll(outs.stream().map(Moneyout::moneyoutId).toList(), hold, now)
                        .thenReturn(new Effect(
                                "HELD",
                                List.of(review(
                                        ReviewKind.CHARGEBACK,
                                        order.portalId(),
                                        order.orderId(),
                                        event.notificationId(),
                                        "Chargeback " + event.notificationId() + " ("
                                                + event.amount().toPlainString() + " " + event.currency() + ", "
                                                + (event.reason() == null ? "no reason given" : event.reason())
                                                + ") on order " + order.orderId() + ": its moneyouts are HELD; resolve"
                                                + " with action RELEASE or REVERSE")),
                                held));
            }
            if (outs.stream().anyMatch(m -> m.status() == MoneyoutStatus.HELD)) {
                return Mono.just(Effect.of("ALREADY_HELD"));
            }
            return Mono.just(new Effect(
                    "LOSS",
                    List.of(review(
                            ReviewKind.CHARGEBACK_LOSS,
                            order.portalId(),
                            order.orderId(),
                            event.notificationId(),
                            "Chargeback " + event.notificationId() + " ("
                                    + event.amount().toPlainString() + " " + event.currency() + ") on order "
                                    + order.orderId() + ", which is " + order.status()
                                    + ": its money has already gone out")),
                    List.of()));
        });
    }

    /**
     * A REFUND notification answers one of our card instructions (of the reporting portal, when its
     * webhook reported it), exactly like a bank DEBIT does.
     */
    private Mono<Void> refundAnswer(CardEvent event) {
        Mono<String> instruction = event.instructionId() != null
                ? Mono.just(event.instructionId())
                : cardEvents
                        .openCardInstruction(event.pspReference(), event.amount())
                        .defaultIfEmpty("UNKNOWN");
        return instruction.flatMap(instructionId -> answers.applyCardAnswer(
                new BankDebit(
                        "card:" + event.notificationId(),
                        instructionId,
                        event.success() ? InstructionStatus.EXECUTED : InstructionStatus.FAILED,
                        null,
                        event.amount(),
                        event.currency(),
                        null,
                        event.reason()),
                event.sourcePortalId()));
    }

    private ReviewItem review(ReviewKind kind, String portalId, String orderId, String subjectId, String detail) {
        return ReviewItem.open(
                ids.next(IdPrefix.REVIEW_ITEM), kind, portalId, orderId, subjectId, detail, clock.instant());
    }
}
