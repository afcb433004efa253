package io.crowdrecon.recon.order;

import io.crowdrecon.recon.outbox.OutboundEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The money side of refunding an order, implemented by the payment capability: reverse its
 * moneyouts and instruct the refund to whoever paid it (never to the declared investor account).
 */
public interface OrderRefunds {

    /**
     * For an ACCOUNTED order locked by the caller: reverses its AVAILABLE moneyouts and instructs
     * the refund of its {@code totalAmount} to the payer of its moneyin. Emits the events to
     * append; errors with ILLEGAL_TRANSITION when a chargeback holds its moneyouts.
     */
    Mono<List<OutboundEvent>> refundInFull(Order order, String reason);
}
