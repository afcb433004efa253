package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Answered;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Payment;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Recalled;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision.Reporter;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
        return apply(debit, Reporter.BANK);
    }

    /**
     * The card gateway's answer (a REFUND notification) to one of our instructions, applied like a
     * DEBIT, except that it answers only CARD instructions and, when a portal's webhook reported it
     * ({@code sourcePortalId} not null), only that portal's: any other changes nothing and opens
     * {@code UNEXPECTED_DEBIT}. Completes once applied and committed; a redelivery is a no-op.
     */
    public Mono<Void> applyCardAnswer(BankDebit debit, @Nullable String sourcePortalId) {
        return apply(debit, Reporter.cardGateway(sourcePortalId));
    }

    private Mono<Void> apply(BankDebit debit, Reporter reporter) {
        return transactions.inTransaction(() -> debits.isRecorded(debit.notificationId())
                .filter(recorded -> !recorded)
                .flatMap(unrecorded -> debit.isRecall() ? recall(debit) : answer(debit, reporter))
                .flatMap(decision -> carryOut(decision)
                        .flatMap(announced -> debits.record(debit, decision.outcome(), clock.instant())
                                .then(reviewItems.addAll(decision.reviews()))
                                .then(events.append(announced)))));
    }

    /**
     * Money out that the bank booked and that names nothing of ours (bank charges, a reversal, an
     * unknown reference, read from a bank file): recorded once under its notification id, changing
     * nothing, with an {@code UNEXPECTED_DEBIT} review item saying {@code what}. Completes once
     * committed; a redelivery is a no-op.
     */
    public Mono<Void> applyUnexpected(BankDebit debit, @Nullable PortalId portalId, String what) {
        return transactions.inTransaction(() -> debits.isRecorded(debit.notificationId())
                .filter(recorded -> !recorded)
                .flatMap(unrecorded -> {
                    BankDebitDecision decision =
                            BankDebitDecision.unexpected(debit, portalId, null, what, ids, clock.instant());
                    return debits.record(debit, decision.outcome(), clock.instant())
                            .then(reviewItems.addAll(decision.reviews()));
                }));
    }

    private Mono<BankDebitDecision> answer(BankDebit debit, Reporter reporter) {
        return instructions
                .lock(InstructionId.of(debit.answeredInstructionId()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(instruction -> BankDebitDecision.answer(debit, reporter, instruction, ids, clock.instant()));
    }

    private Mono<BankDebitDecision> recall(BankDebit debit) {
        return debits.credit(debit.recalledNotificationId())
                .flatMap(credit -> paymentRecalledBy(debit, credit)
                        .map(payment ->
                                BankDebitDecision.recall(debit, Optional.of(credit), payment, ids, clock.instant())))
                .switchIfEmpty(Mono.fromSupplier(() ->
                        BankDebitDecision.recall(debit, Optional.empty(), Optional.empty(), ids, clock.instant())));
    }

    /** The payment the recalled credit made, locked: only when the recall is about one. */
    private Mono<Optional<Payment>> paymentRecalledBy(BankDebit debit, Debits.CreditSummary credit) {
        if (!BankDebitDecision.recallsAPayment(debit, credit)) {
            return Mono.just(Optional.empty());
        }
        // Locks in the order every use case takes them: the order, then its money.
        return orders.lockById(Objects.requireNonNull(credit.orderId(), "a MATCHED credit names the order it paid"))
                .flatMap(order -> moneyins.lockByNotificationId(credit.notificationId())
                        .zipWith(
                                moneyouts.lockOfOrder(order.orderId()).collectList(),
                                (moneyin, outs) -> new Payment(order, moneyin, outs)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** Makes the decided moves, in the order of the locks; emits the events to announce them. */
    private Mono<List<OutboundEvent>> carryOut(BankDebitDecision decision) {
        if (decision instanceof Answered answered) {
            return instructions
                    .move(answered.instructionId(), answered.row(), answered.failureReason(), answered.at())
                    .then(answered.transfer()
                            .map(transfer -> unidentified.moveAll(
                                    List.of(transfer.unidentifiedTransferId()), transfer.row(), answered.at()))
                            .orElse(Mono.empty()))
                    .thenReturn(answered.events());
        }
        if (decision instanceof Recalled recalled) {
            return moneyins.recall(recalled.moneyinId(), recalled.at())
                    .then(moneyouts.moveAll(recalled.moneyoutIds(), recalled.reverse(), recalled.at()))
                    .then(moves.move(recalled.order(), recalled.trigger(), recalled.reason()))
                    .map(moved -> Stream.concat(recalled.events().stream(), Stream.of(moved.event()))
                            .toList());
        }
        return Mono.just(List.of());
    }
}
