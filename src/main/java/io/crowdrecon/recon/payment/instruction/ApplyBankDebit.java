package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.Debits.Outcome;
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
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.crowdrecon.recon.unidentified.UnidentifiedTransitions;
import io.crowdrecon.recon.unidentified.UnidentifiedTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * What the bank's DEBITs mean for the books, each applied once in its own transaction:
 * <ul>
 *   <li>an instruction EXECUTED or FAILED (a failure opens {@code INSTRUCTION_FAILED}; the return of
 *       an unidentified transfer follows it to RETURNED or RETURN_FAILED);
 *   <li>a recall of a credit: while all its moneyouts are AVAILABLE the moneyin is RECALLED, the
 *       moneyouts REVERSED and the order WAITING again; after a payout only
 *       {@code RECALL_AFTER_PAYOUT};
 *   <li>anything else (unknown instruction, other amount, a status contradicting an earlier final
 *       one, a recall of an unknown or unmatched credit) changes nothing and opens
 *       {@code UNEXPECTED_DEBIT}.
 * </ul>
 */
public class ApplyBankDebit {

    static final String FAILED_BY_BANK = "FAILED_BY_BANK";

    private final Debits debits;
    private final PaymentInstructions instructions;
    private final UnidentifiedTransfers unidentified;
    private final Moneyins moneyins;
    private final Moneyouts moneyouts;
    private final Orders orders;
    private final OrderMoves moves;
    private final ReviewItems reviewItems;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public ApplyBankDebit(
            Debits debits,
            PaymentInstructions instructions,
            UnidentifiedTransfers unidentified,
            Moneyins moneyins,
            Moneyouts moneyouts,
            Orders orders,
            OrderMoves moves,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.debits = debits;
        this.instructions = instructions;
        this.unidentified = unidentified;
        this.moneyins = moneyins;
        this.moneyouts = moneyouts;
        this.orders = orders;
        this.moves = moves;
        this.reviewItems = reviewItems;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Completes once applied and committed; a redelivered debit is a no-op. */
    public Mono<Void> apply(BankDebit debit) {
        return apply(debit, instruction -> true);
    }

    /**
     * The card gateway's answer (a REFUND notification) to one of our instructions, applied like a
     * DEBIT, except that it answers only CARD instructions and, when a portal's webhook reported it
     * ({@code sourcePortalId} not null), only that portal's: any other changes nothing and opens
     * {@code UNEXPECTED_DEBIT}. Completes once applied and committed; a redelivery is a no-op.
     */
    public Mono<Void> applyCardAnswer(BankDebit debit, String sourcePortalId) {
        return apply(
                debit,
                instruction -> instruction.channel() == PaymentChannel.CARD
                        && (sourcePortalId == null || sourcePortalId.equals(instruction.portalId())));
    }

    private Mono<Void> apply(BankDebit debit, Predicate<PaymentInstruction> answerable) {
        return transactions.inTransaction(() -> debits.isRecorded(debit.notificationId())
                .flatMap(recorded -> recorded
                        ? Mono.empty()
                        : (debit.isRecall() ? recall(debit) : answer(debit, answerable))
                                .flatMap(effect -> debits.record(debit, effect.outcome(), clock.instant())
                                        .then(reviewItems.addAll(effect.reviews()))
                                        .then(events.append(effect.events())))));
    }

    /**
     * Money out that the bank booked and that names nothing of ours (bank charges, a reversal, an
     * unknown reference, read from a bank file): recorded once under its notification id, changing
     * nothing, with an {@code UNEXPECTED_DEBIT} review item saying {@code what}. Completes once
     * committed; a redelivery is a no-op.
     */
    public Mono<Void> applyUnexpected(BankDebit debit, String portalId, String what) {
        return transactions.inTransaction(
                () -> debits.isRecorded(debit.notificationId()).flatMap(recorded -> {
                    if (recorded) {
                        return Mono.empty();
                    }
                    Effect effect = unexpected(debit, portalId, null, what);
                    return debits.record(debit, effect.outcome(), clock.instant())
                            .then(reviewItems.addAll(effect.reviews()));
                }));
    }

    private record Effect(Outcome outcome, List<ReviewItem> reviews, List<OutboundEvent> events) {
        static Effect of(Outcome outcome) {
            return new Effect(outcome, List.of(), List.of());
        }
    }

    private Mono<Effect> answer(BankDebit debit, Predicate<PaymentInstruction> answerable) {
        return instructions
                .lock(debit.instructionId())
                .flatMap(instruction -> answerable.test(instruction)
                        ? answer(debit, instruction)
                        : Mono.just(unexpected(
                                debit,
                                null,
                                null,
                                "names instruction " + debit.instructionId() + ", which it may not answer")))
                .switchIfEmpty(Mono.fromSupplier(() -> unexpected(
                        debit, null, null, "names instruction " + debit.instructionId() + ", which is not ours")));
    }

    private Mono<Effect> answer(BankDebit debit, PaymentInstruction instruction) {
        if (debit.amount() != null
                && (debit.amount().compareTo(instruction.amount()) != 0
                        || (debit.currency() != null && !debit.currency().equals(instruction.currency())))) {
            return Mono.just(unexpected(
                    debit,
                    instruction.portalId(),
                    instruction.orderId(),
                    "reports " + debit.amount().toPlainString() + " " + debit.currency() + " for instruction "
                            + instruction.instructionId() + " of "
                            + instruction.amount().toPlainString() + " "
                            + instruction.currency()));
        }
        InstructionStatus current = instruction.status();
        if (current == debit.status()) {
            return Mono.just(Effect.of(Outcome.ALREADY_APPLIED));
        }
        if (current != InstructionStatus.CREATED) {
            return Mono.just(unexpected(
                    debit,
                    instruction.portalId(),
                    instruction.orderId(),
                    "says instruction " + instruction.instructionId() + " is " + debit.status() + " but it is "
                            + current));
        }
        Instant now = clock.instant();
        boolean failed = debit.status() == InstructionStatus.FAILED;
        String failure = failed ? (debit.reason() == null ? FAILED_BY_BANK : debit.reason()) : null;
        List<ReviewItem> reviews = new ArrayList<>();
        if (failed) {
            reviews.add(review(
                    ReviewKind.INSTRUCTION_FAILED,
                    instruction.portalId(),
                    instruction.orderId(),
                    instruction.instructionId(),
                    "The bank failed instruction " + instruction.instructionId() + " ("
                            + instruction.type() + ", " + instruction.amount().toPlainString() + " "
                            + instruction.currency() + "): " + failure + "; re-issue it with PUT /ops/instructions/"
                            + instruction.instructionId() + "/reissued",
                    now));
        }
        Mono<Void> transfer = instruction.unidentifiedTransferId() == null
                ? Mono.empty()
                : unidentified.moveAll(
                        List.of(instruction.unidentifiedTransferId()),
                        UnidentifiedTransitions.row(
                                failed ? UnidentifiedTrigger.RETURN_FAILED : UnidentifiedTrigger.RETURN_EXECUTED),
                        now);
        Transition<InstructionStatus, InstructionTrigger> answered = InstructionTransitions.row(
                instruction, failed ? InstructionTrigger.CONFIRMED_FAILED : InstructionTrigger.CONFIRMED_EXECUTED);
        return instructions
                .move(instruction.instructionId(), answered, failure, now)
                .then(transfer)
                .thenReturn(new Effect(Outcome.APPLIED, reviews, List.of()));
    }

    private Mono<Effect> recall(BankDebit debit) {
        return debits.credit(debit.returnOfNotificationId())
                .flatMap(credit -> recall(debit, credit))
                .switchIfEmpty(Mono.fromSupplier(() -> unexpected(
                        debit,
                        null,
                        null,
                        "recalls credit " + debit.returnOfNotificationId() + ", which was never received")));
    }

    private Mono<Effect> recall(BankDebit debit, Debits.CreditSummary credit) {
        if (debit.amount().compareTo(credit.amount()) != 0 || !debit.currency().equals(credit.currency())) {
            return Mono.just(unexpected(
                    debit,
                    null,
                    null,
                    "recalls " + debit.amount().toPlainString() + " "
                            + debit.currency() + " of credit " + credit.notificationId() + ", which was "
                            + credit.amount().toPlainString() + " " + credit.currency()));
        }
        if (!"MATCHED".equals(credit.outcome())) {
            return Mono.just(unexpected(
                    debit,
                    null,
                    null,
                    "recalls credit " + credit.notificationId() + ", which paid no order (" + credit.outcome()
                            + "); its return may need stopping"));
        }
        // Locks in the order every use case takes them: the order, then its money.
        return orders.lockById(credit.orderId()).flatMap(order -> moneyins.lockByNotificationId(credit.notificationId())
                .zipWith(moneyouts.lockOfOrder(order.orderId()).collectList())
                .flatMap(t -> recall(debit, order, t.getT1(), t.getT2())));
    }

    private Mono<Effect> recall(BankDebit debit, Order order, Moneyin moneyin, List<Moneyout> allOuts) {
        if (moneyin.status() == MoneyinStatus.RECALLED) {
            return Mono.just(Effect.of(Outcome.ALREADY_APPLIED));
        }
        List<Moneyout> outs = allOuts.stream()
                .filter(m -> m.moneyinId().equals(moneyin.moneyinId()))
                .toList();
        Instant now = clock.instant();
        boolean allAvailable = outs.stream().allMatch(m -> m.status() == MoneyoutStatus.AVAILABLE);
        if (order.status() == OrderStatus.ACCOUNTED && allAvailable) {
            Transition<MoneyoutStatus, MoneyoutTrigger> recall = MoneyoutTransitions.row(MoneyoutTrigger.RECALL);
            List<OutboundEvent> announced = new ArrayList<>();
            outs.forEach(m -> announced.add(MoneyoutData.statusChanged(m.moved(recall, now))));
            return moneyins.recall(moneyin.moneyinId(), now)
                    .then(moneyouts.moveAll(
                            outs.stream().map(Moneyout::moneyoutId).toList(), recall, now))
                    .then(moves.move(order, OrderTrigger.RECALL, OrderReasons.PAYMENT_RECALLED))
                    .map(moved -> {
                        announced.add(moved.event());
                        return new Effect(Outcome.RECALLED, List.of(), announced);
                    });
        }
        boolean paidOut = outs.stream().anyMatch(m -> m.status() == MoneyoutStatus.EXECUTED)
                || order.status() == OrderStatus.REFUNDED
                || order.status() == OrderStatus.SPLITTED;
        if (paidOut) {
            return Mono.just(new Effect(
                    Outcome.RECALL_AFTER_PAYOUT,
                    List.of(review(
                            ReviewKind.RECALL_AFTER_PAYOUT,
                            order.portalId(),
                            order.orderId(),
                            debit.notificationId(),
                            "The bank recalled credit " + moneyin.notificationId() + " ("
                                    + debit.amount().toPlainString() + " " + debit.currency() + ") of order "
                                    + order.orderId() + ", which is " + order.status()
                                    + " and whose money has already gone out",
                            now)),
                    List.of()));
        }
        return Mono.just(unexpected(
                debit,
                order.portalId(),
                order.orderId(),
                "recalls credit "
                        + moneyin.notificationId() + " of order " + order.orderId() + " (" + order.status()
                        + ") whose moneyouts are not all AVAILABLE"));
    }

    private Effect unexpected(BankDebit debit, String portalId, String orderId, String what) {
        return new Effect(
                Outcome.UNEXPECTED,
                List.of(review(
                        ReviewKind.UNEXPECTED_DEBIT,
                        portalId,
                        orderId,
                        debit.notificationId(),
                        "DEBIT " + debit.notificationId() + " " + what + "; nothing was changed",
                        clock.instant())),
                List.of());
    }

    private ReviewItem review(
            ReviewKind kind, String portalId, String orderId, String subjectId, String detail, Instant at) {
        return ReviewItem.open(ids.next(IdPrefix.REVIEW_ITEM), kind, portalId, orderId, subjectId, detail, at);
    }
}
