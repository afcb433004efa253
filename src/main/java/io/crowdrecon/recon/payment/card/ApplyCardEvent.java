package io.crowdrecon.recon.payment.card;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.instruction.ApplyBankDebit;
import io.crowdrecon.recon.payment.instruction.BankDebit;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
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

    /**
     * The order the event names, locked. The processor's {@code orderId} is not ours and may be anything: one that is not
     * an order id names no order, like an unknown one.
     */
    private Mono<Order> namedOrder(CardEvent event) {
        return OrderId.isValid(event.orderId()) ? orders.lockById(OrderId.of(event.orderId())) : Mono.empty();
    }

    private record Effect(String outcome, List<ReviewItem> reviews, List<OutboundEvent> events) {}

    private Mono<Effect> decide(CardEvent event) {
        if (event.code() == CardEvent.Code.CAPTURE) {
            return carryOut(CardEventDecision.failedCapture());
        }
        return namedOrder(event)
                .filter(order -> event.sourcePortalId() == null
                        || event.sourcePortalId().equals(order.portalId().value()))
                .flatMap(order -> event.code() == CardEvent.Code.AUTHORISATION
                        ? Mono.just(CardEventDecision.authorisation(event, order))
                        : moneyouts
                                .lockOfOrder(order.orderId())
                                .collectList()
                                .zipWith(chargebackOpen(order))
                                .map(t -> CardEventDecision.chargeback(
                                        event, order, t.getT1(), t.getT2(), ids, clock.instant())))
                .switchIfEmpty(Mono.fromSupplier(() -> CardEventDecision.unknownOrder(event, ids, clock.instant())))
                .flatMap(this::carryOut);
    }

    /** Whether an open CHARGEBACK item already holds the order's money (asked of a chargeback only). */
    private Mono<Boolean> chargebackOpen(Order order) {
        return reviewItems
                .withOpen(java.util.Set.of(ReviewKind.CHARGEBACK), List.of(order.orderId()))
                .map(open -> open.contains(order.orderId()));
    }

    /** Makes the decided moves; emits what to record and append. */
    private Mono<Effect> carryOut(CardEventDecision decision) {
        if (decision instanceof CardEventDecision.MoveOrder move) {
            return moves.move(move.order(), move.trigger(), move.trigger().name())
                    .map(moved -> new Effect(decision.outcome(), decision.reviews(), List.of(moved.event())));
        }
        if (decision instanceof CardEventDecision.Hold hold) {
            return moneyouts
                    .moveAll(hold.held().stream().map(Moneyout::moneyoutId).toList(), hold.hold(), hold.at())
                    .thenReturn(new Effect(decision.outcome(), decision.reviews(), hold.events()));
        }
        return Mono.just(new Effect(decision.outcome(), decision.reviews(), List.of()));
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
}
