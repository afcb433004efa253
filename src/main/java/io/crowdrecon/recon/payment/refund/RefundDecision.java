package io.crowdrecon.recon.payment.refund;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.RefundId;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a refund of a paid order is, decided in plain Java: its moneyouts reversed, and a REFUND instruction to the
 * payer of the moneyin on the channel it paid with (never to the account the portal declared). A bank payer without a
 * valid IBAN leaves the instruction ON_HOLD with a {@code RETURN_IMPOSSIBLE} review item until ops give one; such an
 * instruction is not announced until then.
 *
 * @param reversed the order's moneyouts moved along {@code reverse}; empty for a refund of part of an order
 * @param reverse the moneyouts' table row the store moves them along
 * @param events what to append, in order: each reversed moneyout, then the instruction (unless on hold or awaiting
 *     approval)
 */
public record RefundDecision(
        List<Moneyout> reversed,
        Transition<MoneyoutStatus, MoneyoutTrigger> reverse,
        Refund refund,
        PaymentInstruction instruction,
        Optional<ReviewItem> onHold,
        List<OutboundEvent> events) {

    /**
     * The refund of {@code order}'s whole {@code totalAmount}, its moneyouts {@code outs} reversed. Refused with
     * {@code ILLEGAL_TRANSITION} while a chargeback holds one of them.
     */
    public static RefundDecision inFull(
            ReleasePolicy approval,
            Order order,
            Moneyin moneyin,
            List<Moneyout> outs,
            String reason,
            IdGenerator ids,
            Instant now) {
        return inFull(approval, order, moneyin, outs, true, reason, ids, now);
    }

    /**
     * The refund of {@code order}'s whole {@code totalAmount}, its moneyouts {@code outs} reversed: its AVAILABLE ones
     * along {@code REFUND}, or, when a compliance hold holds them, its HELD ones along {@code REVERSE_HELD}. Refused
     * with {@code ILLEGAL_TRANSITION} when held moneyouts are held by a chargeback or a credit missing from the bank
     * statement ({@code heldByReview}: an open {@code CHARGEBACK} or {@code NOT_ON_STATEMENT} item on the order), whose
     * money may not be there to refund.
     */
    public static RefundDecision inFull(
            ReleasePolicy approval,
            Order order,
            Moneyin moneyin,
            List<Moneyout> outs,
            boolean heldByReview,
            String reason,
            IdGenerator ids,
            Instant now) {
        boolean held = outs.stream().anyMatch(m -> m.status() == MoneyoutStatus.HELD);
        if (held && heldByReview) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "Order " + order.orderId() + " has moneyouts held by a chargeback; resolve the chargeback first");
        }
        if (held && outs.stream().anyMatch(m -> m.status() == MoneyoutStatus.AVAILABLE)) {
            // A hold moves every AVAILABLE moneyout of the order at once: both at a time is a bug, not a request.
            throw new IllegalStateException("order " + order.orderId() + " has both HELD and AVAILABLE moneyouts");
        }
        Transition<MoneyoutStatus, MoneyoutTrigger> reverse =
                MoneyoutTransitions.row(held ? MoneyoutTrigger.REVERSE_HELD : MoneyoutTrigger.REFUND);
        List<Moneyout> reversed = outs.stream()
                .filter(m -> reverse.from().contains(m.status()))
                .map(m -> m.moved(reverse, now))
                .toList();
        RefundDecision instructed = of(approval, order, moneyin, order.total(), reason, ids, now);
        List<OutboundEvent> events = new ArrayList<>();
        reversed.forEach(m -> events.add(MoneyoutMessage.statusChanged(m)));
        events.addAll(instructed.events());
        return new RefundDecision(
                reversed, reverse, instructed.refund(), instructed.instruction(), instructed.onHold(), events);
    }

    /**
     * A refund of {@code amount} (in the order's currency) to the payer of {@code moneyin}, its moneyouts left as they
     * are (a split's rest).
     */
    public static RefundDecision of(
            ReleasePolicy approval,
            Order order,
            Moneyin moneyin,
            BigDecimal amount,
            String reason,
            IdGenerator ids,
            Instant now) {
        return of(approval, order, moneyin, order.money(amount), reason, ids, now);
    }

    private static RefundDecision of(
            ReleasePolicy approval,
            Order order,
            Moneyin moneyin,
            Money amount,
            String reason,
            IdGenerator ids,
            Instant now) {
        RefundId refundId = ids.nextRefundId();
        PaymentInstruction instruction = instructionFor(approval, order, moneyin, amount, refundId, ids, now);
        Refund refund = new Refund(
                refundId,
                order.orderId(),
                order.portalId(),
                order.campaignId(),
                moneyin.moneyinId(),
                amount.amount(),
                amount.currency(),
                moneyin.channel(),
                instruction.creditorIban(),
                instruction.pspReference(),
                instruction.instructionId(),
                reason,
                now);
        if (instruction.status() == InstructionStatus.ON_HOLD) {
            ReviewItem item = ReviewItem.open(
                    ids.nextReviewItemId(),
                    ReviewKind.RETURN_IMPOSSIBLE,
                    order.portalId(),
                    order.orderId(),
                    instruction.instructionId().value(),
                    "Refund " + refundId.value() + " of order " + order.orderId() + " (" + amount
                            + ") has no valid payer IBAN; give one with PUT /ops/instructions/"
                            + instruction.instructionId() + "/reissued",
                    now);
            return new RefundDecision(
                    List.of(),
                    MoneyoutTransitions.row(MoneyoutTrigger.REFUND),
                    refund,
                    instruction,
                    Optional.of(item),
                    List.of());
        }
        return new RefundDecision(
                List.of(),
                MoneyoutTransitions.row(MoneyoutTrigger.REFUND),
                refund,
                instruction,
                Optional.empty(),
                // One above the approval threshold waits for an approver, who announces it (four eyes).
                approval.announcement(instruction));
    }

    /** To the card that paid, on its pspReference; or to the payer's IBAN, ON_HOLD while it has no valid one. */
    private static PaymentInstruction instructionFor(
            ReleasePolicy approval,
            Order order,
            Moneyin moneyin,
            Money amount,
            RefundId refundId,
            IdGenerator ids,
            Instant now) {
        boolean card = moneyin.channel() == PaymentChannel.CARD;
        Optional<Iban> payer = card ? Optional.empty() : Iban.tryParse(moneyin.payerIban());
        return PaymentInstruction.create(
                ids.nextInstructionId(),
                InstructionType.REFUND,
                card ? PaymentChannel.CARD : PaymentChannel.BANK_TRANSFER,
                approval.initialStatus(InstructionType.REFUND, amount, card || payer.isPresent()),
                amount.amount(),
                amount.currency(),
                payer.map(Iban::value).orElse(null),
                moneyin.payerName(),
                card ? moneyin.pspReference() : null,
                "Refund of order " + order.orderId(),
                order.portalId(),
                order.orderId(),
                null,
                order.campaignId(),
                refundId,
                null,
                null,
                now);
    }
}
