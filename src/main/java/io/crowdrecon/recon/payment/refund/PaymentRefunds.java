package io.crowdrecon.recon.payment.refund;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Refunds of paid orders: the moneyouts reversed and a REFUND instruction to the payer of the
 * moneyin, on the channel it paid with. A bank payer without a valid IBAN leaves the instruction
 * ON_HOLD with a {@code RETURN_IMPOSSIBLE} review item until ops give one.
 */
public class PaymentRefunds implements OrderRefunds {

    /** The review items whose open state means the order's HELD money may not be there: ops resolve them first. */
    public static final Set<ReviewKind> HELD_BY_REVIEW = EnumSet.of(ReviewKind.CHARGEBACK, ReviewKind.NOT_ON_STATEMENT);

    private final Moneyins moneyins;
    private final Moneyouts moneyouts;
    private final Refunds refunds;
    private final PaymentInstructions instructions;
    private final ReviewItems reviewItems;
    private final ReleasePolicy approval;
    private final IdGenerator ids;
    private final Clock clock;

    public PaymentRefunds(
            Moneyins moneyins,
            Moneyouts moneyouts,
            Refunds refunds,
            PaymentInstructions instructions,
            ReviewItems reviewItems,
            ReleasePolicy approval,
            IdGenerator ids,
            Clock clock) {
        this.moneyins = moneyins;
        this.moneyouts = moneyouts;
        this.refunds = refunds;
        this.instructions = instructions;
        this.reviewItems = reviewItems;
        this.approval = approval;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * {@inheritDoc} A compliance hold's HELD moneyouts are reversed too; those of a chargeback or a credit missing from
     * the statement (an open review item on the order) refuse the refund.
     */
    @Override
    public Mono<List<OutboundEvent>> refundInFull(Order order, String reason) {
        return moneyins.lockLiveOfOrder(order.orderId())
                .switchIfEmpty(Mono.error(
                        () -> new IllegalStateException("accounted order " + order.orderId() + " has no live moneyin")))
                .zipWith(moneyouts.lockOfOrder(order.orderId()).collectList())
                .flatMap(t -> heldByReview(order, t.getT2())
                        .map(heldByReview -> RefundDecision.inFull(
                                approval, order, t.getT1(), t.getT2(), heldByReview, reason, ids, clock.instant())))
                .flatMap(this::record);
    }

    /** Whether a chargeback or a credit missing from the statement holds the order's money; asked only when held. */
    private Mono<Boolean> heldByReview(Order order, List<Moneyout> outs) {
        if (outs.stream().noneMatch(m -> m.status() == MoneyoutStatus.HELD)) {
            return Mono.just(false);
        }
        return reviewItems
                .withOpen(HELD_BY_REVIEW, List.of(order.orderId()))
                .map(orders -> orders.contains(order.orderId()));
    }

    /**
     * A refund of {@code amount} to the payer of {@code moneyin}: the refund record and its instruction (ON_HOLD with a
     * RETURN_IMPOSSIBLE review item when the payer has no valid IBAN). Emits the events to append.
     */
    public Mono<List<OutboundEvent>> instructRefund(Order order, Moneyin moneyin, BigDecimal amount, String reason) {
        return Mono.fromCallable(
                        () -> RefundDecision.of(approval, order, moneyin, amount, reason, ids, clock.instant()))
                .flatMap(this::record);
    }

    /** Writes what was decided, in the order the events announce it; emits the events to append. */
    private Mono<List<OutboundEvent>> record(RefundDecision refund) {
        return moneyouts
                .moveAll(
                        refund.reversed().stream().map(Moneyout::moneyoutId).toList(),
                        refund.reverse(),
                        refund.refund().createdAt())
                .then(instructions.addAll(List.of(refund.instruction())))
                .then(refunds.add(refund.refund()))
                .then(refund.onHold()
                        .map(item -> reviewItems.addAll(List.of(item)))
                        .orElse(Mono.empty()))
                .thenReturn(refund.events());
    }
}
