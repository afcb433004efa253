package io.crowdrecon.recon.payment;

import io.crowdrecon.recon.shared.OrderId;
import reactor.core.publisher.Mono;

/**
 * Whether an order's money is under an active compliance hold (on the order or on its investor): while it is, no
 * release path of the payment capability (a chargeback or a missing credit resolved with RELEASE) gives its moneyouts
 * back. Implemented by the hold capability.
 */
public interface ComplianceHolds {

    /** Emits true when an active hold is on the order or its investor, false otherwise. */
    Mono<Boolean> holdsOrder(OrderId orderId);
}
