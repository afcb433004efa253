package io.crowdrecon.recon.order;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the portal may revoke an order now ({@code PUT /orders/{id}/revoked}, Regulation (EU) 2020/1503 Art. 22):
 * only within the reflection period of a non-sophisticated investor's order, and only along the order table. Pure.
 *
 * <p>Checks, in this order: already {@code REVOKED} (200, unchanged); no reflection period (409 NOT_REVOCABLE); the
 * period over at {@code now} (409 REFLECTION_PERIOD_OVER); no {@code PORTAL_REVOKED} move from its status (409
 * ILLEGAL_TRANSITION).
 */
public final class Revocation {

    /** What to do with a revocation request. */
    public sealed interface Decision {}

    /** Already revoked: answer it as it is. */
    public record Unchanged() implements Decision {}

    /** Revoke it; {@code refund} when it was paid, its whole totalAmount going back to the payer. */
    public record Revoke(boolean refund) implements Decision {}

    /** Refuse, with this problem. */
    public record Refused(DomainException refusal) implements Decision {}

    private Revocation() {}

    /** The decision for {@code order} asked to be revoked at {@code now}. */
    public static Decision decide(Order order, Instant now) {
        if (order.status() == OrderStatus.REVOKED) {
            return new Unchanged();
        }
        Instant endsAt = order.reflectionEndsAt();
        if (endsAt == null) {
            return new Refused(new DomainException(
                    ErrorCode.NOT_REVOCABLE,
                    "Order " + order.orderId() + " has no reflection period: only a non-sophisticated investor's order"
                            + " can be revoked"));
        }
        if (!now.isBefore(endsAt)) {
            return new Refused(new DomainException(
                    ErrorCode.REFLECTION_PERIOD_OVER,
                    "The reflection period of order " + order.orderId() + " ended at " + endsAt));
        }
        Optional<OrderStatus> next = OrderTransitions.next(order.status(), OrderTrigger.PORTAL_REVOKED);
        if (next.isEmpty()) {
            return new Refused(DomainException.illegalTransition(
                    "Order", order.orderId().value(), order.status(), OrderStatus.REVOKED));
        }
        return new Revoke(order.status() == OrderStatus.ACCOUNTED);
    }
}
