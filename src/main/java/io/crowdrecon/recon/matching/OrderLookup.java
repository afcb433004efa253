package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.OrderId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The orders the caller loaded before deciding, looked up by id without I/O. A caller typically loads the order
 * {@link CreditMatcher#namedOrder(IncomingCredit)} names and offers just that one.
 */
@FunctionalInterface
public interface OrderLookup {

    /** The order with this id, of any portal; empty when the caller knows no such order. */
    Optional<OrderSnapshot> find(OrderId id);

    /** A lookup that knows no order. */
    static OrderLookup none() {
        return id -> Optional.empty();
    }

    /** A lookup that knows exactly {@code orders}. */
    static OrderLookup of(OrderSnapshot... orders) {
        Map<OrderId, OrderSnapshot> byId = Arrays.stream(orders)
                .collect(Collectors.toUnmodifiableMap(OrderSnapshot::orderId, Function.identity()));
        return id -> Optional.ofNullable(byId.get(id));
    }
}
