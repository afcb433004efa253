package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the money controls of issue 23 say of a campaign's accounted orders when a finalization is decided: an order to
 * execute may be under no compliance hold, past its reflection period, and paid with cleared funds.
 *
 * @param now the decision's time
 * @param holds the active compliance holds on each order (on it or its investor); an order under none is absent
 * @param reflectionEndsAt when each order's reflection period ends; absent when its investor may not revoke it
 * @param clearsAt when each accounted order's live moneyin clears
 */
public record MoneyControls(
        Instant now,
        Map<OrderId, List<HoldId>> holds,
        Map<OrderId, Instant> reflectionEndsAt,
        Map<OrderId, Instant> clearsAt) {

    public MoneyControls {
        Objects.requireNonNull(now, "now");
        holds = Map.copyOf(holds);
        reflectionEndsAt = Map.copyOf(reflectionEndsAt);
        clearsAt = Map.copyOf(clearsAt);
    }

    /** No hold, no reflection period, every order cleared: what a finalization saw before issue 23. */
    public static MoneyControls none(Instant now) {
        return new MoneyControls(now, Map.of(), Map.of(), Map.of());
    }

    boolean isHeld(OrderId orderId) {
        return holds.containsKey(orderId);
    }

    boolean inReflectionPeriod(OrderId orderId) {
        Instant ends = reflectionEndsAt.get(orderId);
        return ends != null && ends.isAfter(now);
    }

    boolean uncleared(OrderId orderId) {
        Instant clears = clearsAt.get(orderId);
        return clears != null && clears.isAfter(now);
    }
}
