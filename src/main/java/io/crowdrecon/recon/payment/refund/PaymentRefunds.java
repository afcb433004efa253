package io.crowdrecon.recon.payment.refund;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionData;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutData;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Refunds of paid orders: the moneyouts reversed and a REFUND instruction to the payer of the
 * moneyin, on the channel it paid with. A bank payer without a valid IBAN leaves the instruction
 * ON_HOLD with a {@code RETURN_IMPOSSIBLE} review item until ops give one.
 */
public class PaymentRefunds implements OrderRefunds {

    private final Moneyins moneyins;
    private final Moneyouts moneyouts;
    private final Refunds refunds;
    private final PaymentInstructions instructions;
    private final ReviewItems reviewItems;
    private final IdGenerator ids;
    private final Clock clock;

    public PaymentRefunds(
            Moneyins moneyins,
            Moneyouts moneyouts,
            Refunds refunds,
            PaymentInstructions instructions,
            ReviewItems reviewItems,
            IdGenerator ids,
            Clock clock) {
        this.moneyins = moneyins;
        this.moneyouts = moneyouts;
        this.refunds = refunds;
        this.instructions = instructions;
        this.reviewItems = reviewItems;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<List<OutboundEvent>> refundInFull(Order order, String reason) {
        return moneyins.lockLiveOfOrder(order.orderId())
                .switchIfEmpty(Mono.error(
                        () -> new IllegalStateException("accounted order " + order.orderId() + " has no live moneyin")))
                .zipWith(moneyouts.lockOfOrder(order.orderId()).collectList())
                .flatMap(t -> refund(order, t.getT1(), t.getT2(), order.totalAmount(), reason));
    }

    private Mono<List<OutboundEvent>> refund(
            Order order, Moneyin moneyin, List<Moneyout> outs, BigDecimal amount, String reason) {
        if (outs.stream().anyMatch(m -> m.status() == MoneyoutStatus.HELD)) {
            return Mono.error(new DomainException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "Order " + order.orderId() + " has moneyouts held by a chargeback; resolve the chargeback first"));
        }
        Instant now = clock.instant();
        Transition<MoneyoutStatus, MoneyoutTrigger> refund = MoneyoutTransitions.row(MoneyoutTrigger.REFUND);
        List<Moneyout> reversed = outs.stream()
                .filter(m -> refund.from().contains(m.status()))
                .map(m -> m.moved(refund, now))
                .toList();
        List<OutboundEvent> events = new ArrayList<>();
        reversed.forEach(m -> events.add(MoneyoutData.statusChanged(m)));
        return moneyouts
                .moveAll(reversed.stream().map(Moneyout::moneyoutId).toList(), refund, now)
                .then(instructRefund(order, moneyin, amount, reason))
                .map(refundEvents -> {
                    events.addAll(refundEvents);
                    return events;
                });
    }

    /**
     * A refund of {@code amount} to the payer of {@code moneyin}: the refund record and its
     * instruction (ON_HOLD with a RETURN_IMPOSSIBLE review item when the payer has no valid IBAN).
     * Emits the events to append.
     */
    public Mono<List<OutboundEvent>> instructRefund(Order order, Moneyin moneyin, BigDecimal amount, String reason) {
        Instant now = clock.instant();
        String refundId = ids.next(IdPrefix.REFUND);
        PaymentInstruction instruction = instructionFor(order, moneyin, amount, refundId, now);
        Refund refund = new Refund(
                refundId,
                order.orderId(),
                order.portalId(),
                order.campaignId(),
                moneyin.moneyinId(),
                amount,
                order.currency(),
                moneyin.channel(),
                instruction.creditorIban(),
                instruction.pspReference(),
                instruction.instructionId(),
                reason,
                now);
        List<OutboundEvent> events = new ArrayList<>();
        Mono<Void> onHold = Mono.empty();
        if (instruction.status() == InstructionStatus.ON_HOLD) {
            onHold = reviewItems.addAll(List.of(ReviewItem.open(
                    ids.next(IdPrefix.REVIEW_ITEM),
                    ReviewKind.RETURN_IMPOSSIBLE,
                    order.portalId(),
                    order.orderId(),
                    instruction.instructionId(),
                    "Refund " + refundId + " of order " + order.orderId() + " (" + amount.toPlainString() + " "
                            + order.currency() + ") has no valid payer IBAN; give one with PUT /ops/instructions/"
                            + instruction.instructionId() + "/reissued",
                    now)));
        } else {
            events.add(PaymentInstructionData.requested(instruction));
        }
        return instructions
                .addAll(List.of(instruction))
                .then(refunds.add(refund))
                .then(onHold)
                .thenReturn(events);
    }

    private PaymentInstruction instructionFor(
            Order order, Moneyin moneyin, BigDecimal amount, String refundId, Instant now) {
        String remittance = "Refund of order " + order.orderId();
        if (moneyin.channel() == PaymentChannel.CARD) {
            return PaymentInstruction.create(
                    ids.next(IdPrefix.PAYMENT_INSTRUCTION),
                    InstructionType.REFUND,
                    PaymentChannel.CARD,
                    InstructionStatus.CREATED,
                    amount,
                    order.currency(),
                    null,
                    moneyin.payerName(),
                    moneyin.pspReference(),
                    remittance,
                    order.portalId(),
                    order.orderId(),
                    null,
                    order.campaignId(),
                    refundId,
                    null,
                    null,
                    now);
        }
        Optional<Iban> payer = Iban.tryParse(moneyin.payerIban());
        return PaymentInstruction.create(
                ids.next(IdPrefix.PAYMENT_INSTRUCTION),
                InstructionType.REFUND,
                PaymentChannel.BANK_TRANSFER,
                payer.isPresent() ? InstructionStatus.CREATED : InstructionStatus.ON_HOLD,
                amount,
                order.currency(),
                payer.map(Iban::value).orElse(null),
                moneyin.payerName(),
                null,
                remittance,
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
