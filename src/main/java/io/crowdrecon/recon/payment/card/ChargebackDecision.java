package io.crowdrecon.recon.payment.card;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTransitions;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How ops resolve a chargeback (SPEC section 6), decided in plain Java: RELEASE gives the held moneyouts back
 * ({@code AVAILABLE}); REVERSE accepts that the card network took the money back: the moneyouts are {@code REVERSED},
 * the reversal is recorded, and an accounted order is {@code REFUNDED} (reason {@code CHARGEBACK}) with no refund
 * instruction, since nothing is ours to send.
 *
 * @param moved the held moneyouts as moved along {@code row}
 * @param reversed the amount the card network took back; null on RELEASE
 * @param refundOrder whether the order moves on {@code REFUND}
 */
public record ChargebackDecision(
        List<Moneyout> moved,
        Transition<MoneyoutStatus, MoneyoutTrigger> row,
        @Nullable BigDecimal reversed,
        boolean refundOrder) {

    public static final String RELEASE = "RELEASE";
    public static final String REVERSE = "REVERSE";

    /** Refuses any action but RELEASE and REVERSE with {@code VALIDATION_FAILED}. */
    public static void requireAction(String action) {
        if (!RELEASE.equals(action) && !REVERSE.equals(action)) {
            throw new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    "A chargeback is resolved with an action",
                    List.of(new FieldError("action", "must be RELEASE or REVERSE")));
        }
    }

    /**
     * Resolves the chargeback on {@code order} whose {@code held} moneyouts (locked) wait for ops; refused with
     * {@code ILLEGAL_TRANSITION} when none is held any more.
     */
    public static ChargebackDecision resolve(Order order, List<Moneyout> held, String action, Instant now) {
        return resolve(order, held, action, false, now);
    }

    /**
     * Like {@link #resolve(Order, List, String, Instant)}; while a compliance hold is active on the order
     * ({@code underComplianceHold}) RELEASE moves nothing: the money stays HELD until the hold is released too.
     */
    public static ChargebackDecision resolve(
            Order order, List<Moneyout> held, String action, boolean underComplianceHold, Instant now) {
        requireAction(action);
        if (held.isEmpty()) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_TRANSITION, "Order " + order.orderId() + " has no held moneyouts any more");
        }
        boolean reverse = REVERSE.equals(action);
        Transition<MoneyoutStatus, MoneyoutTrigger> row =
                MoneyoutTransitions.row(reverse ? MoneyoutTrigger.REVERSE_HELD : MoneyoutTrigger.RELEASE);
        if (!reverse && underComplianceHold) {
            return new ChargebackDecision(List.of(), row, null, false);
        }
        return new ChargebackDecision(
                held.stream().map(m -> m.moved(row, now)).toList(),
                row,
                reverse ? takenBack(held, order.currency()) : null,
                reverse && OrderTransitions.allows(order.status(), OrderTrigger.REFUND));
    }

    /** What the card network took back: all the held moneyouts, in the order's currency. */
    private static BigDecimal takenBack(List<Moneyout> held, String currency) {
        return held.stream().map(Moneyout::money).collect(Money.sum(currency)).amount();
    }

    /** The moneyin the reversed money had come in with. */
    public MoneyinId moneyinId() {
        return moved.get(0).moneyinId();
    }

    /** Each moneyout's move, in order (the order's own move follows, when it refunds). */
    public List<OutboundEvent> moneyoutEvents() {
        return moved.stream().map(MoneyoutMessage::statusChanged).toList();
    }
}
