package io.crowdrecon.recon.order;

import io.crowdrecon.recon.outbox.OutboundEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The event of every order transition, creation included ({@code previousStatus} null): the data
 * of {@code recon.order-events} and of the SSE {@code order-status} event.
 */
public record OrderStatusChanged(
        String orderId,
        String campaignId,
        OrderStatus status,
        @Nullable OrderStatus previousStatus,
        String reason,
        Instant at) {

    public static final String TOPIC = "recon.order-events";
    public static final String TYPE = "crowdrecon.order.status-changed.v1";

    public OutboundEvent toEvent(String portalId) {
        return new OutboundEvent(TOPIC, orderId, TYPE, portalId, orderId, campaignId, this);
    }
}
