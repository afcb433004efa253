package io.crowdrecon.recon.webhook;

import static io.crowdrecon.recon.webhook.DeliveryStatus.DELIVERED;
import static io.crowdrecon.recon.webhook.DeliveryStatus.FAILED;
import static io.crowdrecon.recon.webhook.DeliveryStatus.PENDING;

import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.TransitionTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The delivery lifecycle as data. Creating a delivery (PENDING) is not listed; replaying a PENDING delivery is not a
 * move either (it is only made due now).
 */
public final class DeliveryTransitions {

    private static final TransitionTable<DeliveryStatus, DeliveryTrigger> TABLE = new TransitionTable<>(List.of(
            new Transition<>(EnumSet.of(PENDING), DeliveryTrigger.SUCCEED, DELIVERED),
            new Transition<>(EnumSet.of(PENDING), DeliveryTrigger.GIVE_UP, FAILED),
            new Transition<>(EnumSet.of(DELIVERED, FAILED), DeliveryTrigger.REPLAY, PENDING)));

    private DeliveryTransitions() {}

    public static Optional<DeliveryStatus> next(DeliveryStatus from, DeliveryTrigger trigger) {
        return TABLE.next(from, trigger);
    }

    /** The row that moves a delivery in {@code from} on {@code trigger}; errors with {@code ILLEGAL_TRANSITION}. */
    public static Transition<DeliveryStatus, DeliveryTrigger> row(
            String deliveryId, DeliveryStatus from, DeliveryTrigger trigger) {
        return TABLE.row("Webhook delivery", deliveryId, from, trigger);
    }

    public static Transition<DeliveryStatus, DeliveryTrigger> row(DeliveryTrigger trigger) {
        return TABLE.row(trigger);
    }

    public static List<Transition<DeliveryStatus, DeliveryTrigger>> rows() {
        return TABLE.rows();
    }
}
