package io.crowdrecon.recon.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of an order's history: every transition is recorded with its time and reason. A move is made only by
 * {@link OrderTransitions#change} (the table), creation only by {@link #created}; {@code ArchitectureTests} holds it.
 */
public record StatusChange(OrderStatus status, @Nullable OrderStatus previousStatus, String reason, Instant at) {

    /** The first step: the order is created. */
    public static StatusChange created(String reason, Instant at) {
        return new StatusChange(OrderStatus.CREATED, null, reason, at);
    }
}
