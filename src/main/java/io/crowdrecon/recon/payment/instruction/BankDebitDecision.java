package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.Debits.CreditSummary;
import io.crowdrecon.recon.payment.instruction.Debits.Outcome;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.unidentified.UnidentifiedStatus;
import io.crowdrecon.recon.unidentified.UnidentifiedTransitions;
import io.crowdrecon.recon.unidentified.UnidentifiedTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a DEBIT means for the books (SPEC sections 4 and 6), decided in plain Java from what {@link ApplyBankDebit}
 * locked: the instruction it answers, or the credit it recalls and the payment that credit made. Every refusal changes
 * nothing, is recorded {@code UNEXPECTED} and opens {@code UNEXPECTED_DEBIT}; review items take their ids from
 * {@code ids} and their time from {@code now}.
 */
public sealed interface BankDebitDecision {

    /** The failure reason of an instruction the bank failed without giving one. */
    String FAILED_BY_BANK = "FAILED_BY_BANK";

    /** What the debit is recorded as having caused. */
    Outcome outcome();

    /** The review items it opens. */
    List<ReviewItem> reviews();

    /** Nothing moves: {@code ALREADY_APPLIED}, {@code UNEXPECTED} or {@code RECALL_AFTER_PAYOUT}. */
    record Recorded(Outcome outcome, List<ReviewItem> reviews) implements BankDebitDecision {

        static Recorded of(Outcome outcome) {
            return new Recorded(outcome, List.of());
        }
    }

    /**
     * The bank executed or failed a CREATED instruction ({@code APPLIED}): it moves along {@code row} (with {@code
     * failureReason} when failed, else null), the unidentified transfer it returns follows it, and a failure opens
     * {@code INSTRUCTION_FAILED}.
     */
    record Answered(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            @Nullable String failureReason,
            Optional<TransferMove> transfer,
            List<ReviewItem> reviews,
            Instant at,
            List<OutboundEvent> events)
            implements BankDebitDecision {

        @Override
        public Outcome outcome() {
            return Outcome.APPLIED;
        }
    }

    /** The unidentified transfer an instruction returned, moved along {@code row} with it. */
    record TransferMove(
            UnidentifiedTransferId unidentifiedTransferId, Transition<UnidentifiedStatus, UnidentifiedTrigger> row) {}

    /**
     * A recall of the credit that paid an accounted order whose money is all still here ({@code RECALLED}): the
     * moneyin is recalled, its moneyouts are REVERSED along {@code reverse} ({@code reversed} as moved, announced in
     * order), and the order moves on {@code trigger} with {@code reason}, back to WAITING.
     */
    record Recalled(
            MoneyinId moneyinId,
            List<Moneyout> reversed,
            Transition<MoneyoutStatus, MoneyoutTrigger> reverse,
            Order order,
            OrderTrigger trigger,
            String reason,
            Instant at)
            implements BankDebitDecision {

        @Override
        public Outcome outcome() {
            return Outcome.RECALLED;
        }

        @Override
        public List<ReviewItem> reviews() {
            return List.of();
        }

        public List<MoneyoutId> moneyoutIds() {
            return reversed.stream().map(Moneyout::moneyoutId).toList();
        }

        /** Each moneyout's move, in order; the order's own event comes from its move. */
        public List<OutboundEvent> events() {
            return reversed.stream().map(MoneyoutMessage::statusChanged).toList();
        }
    }

    /** The payment a recalled credit made, as locked: its order, its moneyin, and all that order's moneyouts. */
    record Payment(Order order, Moneyin moneyin, List<Moneyout> moneyoutsOfOrder) {}

    /**
     * Who reports the answer to an instruction: the bank answers any; the card gateway answers only CARD instructions,
     * and, when a portal's webhook reported it ({@code webhook}), only that portal's ({@code portalId}; null when the
     * webhook named a blank portal, which names none, so that it answers nothing).
     */
    record Reporter(boolean cardGateway, boolean webhook, @Nullable PortalId portalId) {

        public static final Reporter BANK = new Reporter(false, false, null);

        /** The card gateway, reported by the portal {@code sourcePortalId} names, or from Kafka when it is null. */
        public static Reporter cardGateway(@Nullable String sourcePortalId) {
            if (sourcePortalId == null) {
                return new Reporter(true, false, null);
            }
            return new Reporter(true, true, sourcePortalId.isBlank() ? null : PortalId.of(sourcePortalId));
        }

        boolean mayAnswer(PaymentInstruction instruction) {
            return !cardGateway
                    || (instruction.channel() == PaymentChannel.CARD
                            && (!webhook || (portalId != null && portalId.equals(instruction.portalId()))));
        }
    }

    /**
     * The answer to {@code instruction} (empty: none of ours has the debit's id). Refused when {@code reporter} may not
     * answer it, when it reports another amount or currency (when it reports any), or when it contradicts a status
     * other than CREATED or SENT; the status the instruction already has is {@code ALREADY_APPLIED}.
     */
    static BankDebitDecision answer(
            BankDebit debit,
            Reporter reporter,
            Optional<PaymentInstruction> instruction,
            IdGenerator ids,
            Instant now) {
        if (instruction.isEmpty()) {
            return unexpected(
                    debit, null, null, "names instruction " + debit.instructionId() + ", which is not ours", ids, now);
        }
        PaymentInstruction answered = instruction.get();
        if (!reporter.mayAnswer(answered)) {
            return unexpected(
                    debit,
                    null,
                    null,
                    "names instruction " + debit.instructionId() + ", which it may not answer",
                    ids,
                    now);
        }
        if (debit.amount() != null && !reportsTheMoneyOf(debit, answered)) {
            return unexpected(
                    debit,
                    answered.portalId(),
                    answered.orderId(),
                    "reports " + debit.amount().toPlainString() + " " + debit.currency() + " for instruction "
                            + answered.instructionId() + " of "
                            + answered.amount().toPlainString() + " "
                            + answered.currency(),
                    ids,
                    now);
        }
        InstructionStatus current = answered.status();
        if (current == debit.status()) {
            return Recorded.of(Outcome.ALREADY_APPLIED);
        }
        if (current != InstructionStatus.CREATED && current != InstructionStatus.SENT) {
            return unexpected(
                    debit,
                    answered.portalId(),
                    answered.orderId(),
                    "says instruction " + answered.instructionId() + " is " + debit.status() + " but it is " + current,
                    ids,
                    now);
        }
        return debit.status() == InstructionStatus.FAILED
                ? failed(debit, answered, ids, now)
                : new Answered(
                        answered.instructionId(),
                        InstructionTransitions.row(answered, InstructionTrigger.CONFIRMED_EXECUTED),
                        null,
                        transferOf(answered, UnidentifiedTrigger.RETURN_EXECUTED),
                        List.of(),
                        now,
                        List.of(PaymentInstructionStatusChanged.of(answered, InstructionStatus.EXECUTED, null, now)));
    }

    private static Answered failed(BankDebit debit, PaymentInstruction instruction, IdGenerator ids, Instant now) {
        String failure = debit.reason() == null ? FAILED_BY_BANK : debit.reason();
        ReviewItem review = ReviewItem.open(
                ids.nextReviewItemId(),
                ReviewKind.INSTRUCTION_FAILED,
                instruction.portalId(),
                instruction.orderId(),
                instruction.instructionId().value(),
                "The bank failed instruction " + instruction.instructionId() + " ("
                        + instruction.type() + ", " + instruction.amount().toPlainString() + " "
                        + instruction.currency() + "): " + failure + "; re-issue it with PUT /ops/instructions/"
                        + instruction.instructionId() + "/reissued",
                now);
        return new Answered(
                instruction.instructionId(),
                InstructionTransitions.row(instruction, InstructionTrigger.CONFIRMED_FAILED),
                failure,
                transferOf(instruction, UnidentifiedTrigger.RETURN_FAILED),
                List.of(review),
                now,
                List.of(PaymentInstructionStatusChanged.of(instruction, InstructionStatus.FAILED, failure, now)));
    }

    private static Optional<TransferMove> transferOf(PaymentInstruction instruction, UnidentifiedTrigger trigger) {
        return Optional.ofNullable(instruction.unidentifiedTransferId())
                .map(transferId -> new TransferMove(transferId, UnidentifiedTransitions.row(trigger)));
    }

    /**
     * Whether a recall of {@code credit} is about the payment it made, which is then locked to decide it: the credit
     * paid an order ({@code MATCHED}) and the recall takes back exactly its amount.
     */
    static boolean recallsAPayment(BankDebit debit, CreditSummary credit) {
        return sameMoney(debit, credit) && "MATCHED".equals(credit.outcome());
    }

    /**
     * The recall of {@code credit} (empty: never received), whose {@code payment} was locked when {@link
     * #recallsAPayment} (empty otherwise, or when the books hold no payment of it: as never received). Refused for
     * another amount or currency, or a credit that paid no order. While the order is ACCOUNTED and the moneyouts of
     * that moneyin are all AVAILABLE it is {@link Recalled}; once any of them is EXECUTED, or the order is REFUNDED or
     * SPLITTED, the money has gone out: {@code RECALL_AFTER_PAYOUT} for ops; a moneyin already recalled is {@code
     * ALREADY_APPLIED}; any other state is refused.
     */
    static BankDebitDecision recall(
            BankDebit debit, Optional<CreditSummary> credit, Optional<Payment> payment, IdGenerator ids, Instant now) {
        if (credit.isEmpty()) {
            return neverReceived(debit, ids, now);
        }
        CreditSummary recalled = credit.get();
        if (!sameMoney(debit, recalled)) {
            return unexpected(
                    debit,
                    null,
                    null,
                    "recalls " + debit.recalledAmount().toPlainString() + " "
                            + debit.currency() + " of credit " + recalled.notificationId() + ", which was "
                            + recalled.amount().toPlainString() + " " + recalled.currency(),
                    ids,
                    now);
        }
        if (!"MATCHED".equals(recalled.outcome())) {
            return unexpected(
                    debit,
                    null,
                    null,
                    "recalls credit " + recalled.notificationId() + ", which paid no order (" + recalled.outcome()
                            + "); its return may need stopping",
                    ids,
                    now);
        }
        return payment.map(paid -> recall(debit, paid, ids, now)).orElseGet(() -> neverReceived(debit, ids, now));
    }

    private static BankDebitDecision recall(BankDebit debit, Payment payment, IdGenerator ids, Instant now) {
        Order order = payment.order();
        Moneyin moneyin = payment.moneyin();
        if (moneyin.status() == MoneyinStatus.RECALLED) {
            return Recorded.of(Outcome.ALREADY_APPLIED);
        }
        List<Moneyout> outs = payment.moneyoutsOfOrder().stream()
                .filter(m -> m.moneyinId().equals(moneyin.moneyinId()))
                .toList();
        boolean allAvailable = outs.stream().allMatch(m -> m.status() == MoneyoutStatus.AVAILABLE);
        if (order.status() == OrderStatus.ACCOUNTED && allAvailable) {
            Transition<MoneyoutStatus, MoneyoutTrigger> reverse = MoneyoutTransitions.row(MoneyoutTrigger.RECALL);
            return new Recalled(
                    moneyin.moneyinId(),
                    outs.stream().map(m -> m.moved(reverse, now)).toList(),
                    reverse,
                    order,
                    OrderTrigger.RECALL,
                    OrderReasons.PAYMENT_RECALLED,
                    now);
        }
        // A REVOKED order with a moneyin was paid and refunded in full, like a REFUNDED one.
        boolean paidOut = outs.stream().anyMatch(m -> m.status() == MoneyoutStatus.EXECUTED)
                || order.status() == OrderStatus.REFUNDED
                || order.status() == OrderStatus.REVOKED
                || order.status() == OrderStatus.SPLITTED;
        if (paidOut) {
            return new Recorded(
                    Outcome.RECALL_AFTER_PAYOUT,
                    List.of(ReviewItem.open(
                            ids.nextReviewItemId(),
                            ReviewKind.RECALL_AFTER_PAYOUT,
                            order.portalId(),
                            order.orderId(),
                            debit.notificationId(),
                            "The bank recalled credit " + moneyin.notificationId() + " ("
                                    + debit.recalledAmount().toPlainString() + " " + debit.currency() + ") of order "
                                    + order.orderId() + ", which is " + order.status()
                                    + " and whose money has already gone out",
                            now)));
        }
        return unexpected(
                debit,
                order.portalId(),
                order.orderId(),
                "recalls credit "
                        + moneyin.notificationId() + " of order " + order.orderId() + " (" + order.status()
                        + ") whose moneyouts are not all AVAILABLE",
                ids,
                now);
    }

    /**
     * Whether a debit reporting an amount reports the instruction's money: that amount in its currency, or in the
     * instruction's currency when it names none.
     */
    private static boolean reportsTheMoneyOf(BankDebit debit, PaymentInstruction instruction) {
        String currency = debit.currency() != null ? debit.currency() : instruction.currency();
        return Money.tryOf(debit.amount(), currency)
                .filter(instruction.money()::equals)
                .isPresent();
    }

    private static boolean sameMoney(BankDebit debit, CreditSummary credit) {
        return Money.tryOf(debit.amount(), debit.currency())
                .filter(credit.money()::equals)
                .isPresent();
    }

    private static BankDebitDecision neverReceived(BankDebit debit, IdGenerator ids, Instant now) {
        return unexpected(
                debit,
                null,
                null,
                "recalls credit " + debit.returnOfNotificationId() + ", which was never received",
                ids,
                now);
    }

    /**
     * A debit that changes nothing ({@code UNEXPECTED}): an {@code UNEXPECTED_DEBIT} item of {@code portalId} and
     * {@code orderId} (either may be null) saying {@code what} it is.
     */
    static BankDebitDecision unexpected(
            BankDebit debit,
            @Nullable PortalId portalId,
            @Nullable OrderId orderId,
            String what,
            IdGenerator ids,
            Instant now) {
        return new Recorded(
                Outcome.UNEXPECTED,
                List.of(ReviewItem.open(
                        ids.nextReviewItemId(),
                        ReviewKind.UNEXPECTED_DEBIT,
                        portalId,
                        orderId,
                        debit.notificationId(),
                        "DEBIT " + debit.notificationId() + " " + what + "; nothing was changed",
                        now)));
    }
}
