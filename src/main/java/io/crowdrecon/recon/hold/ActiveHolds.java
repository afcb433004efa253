package io.crowdrecon.recon.hold;

import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.OrderId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Which orders are under an active compliance hold: for finalization (which refuses to execute a held order) and the
 * campaign amounts (held money does not count).
 */
public interface ActiveHolds {

    /**
     * The active holds on each of {@code orderIds}, a hold on the order itself or on its investor. Emits one map, in
     * which an order under no active hold is absent (an empty map when none is held); errors only on a failure of the
     * store.
     */
    Mono<Map<OrderId, List<HoldId>>> onOrders(Collection<OrderId> orderIds);
}
