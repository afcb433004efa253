package io.crowdrecon.recon.payment;

import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.OrderId;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The moneyins of every order. */
public interface Moneyins {

    /** Stores new moneyins; errors when an order would get a second live one. */
    Mono<Void> addAll(List<Moneyin> moneyins);

    /** The moneyin booked for this credit, locked until the transaction ends; empty when none. */
    Mono<Moneyin> lockByNotificationId(String notificationId);

    /** The order's moneyin that is not RECALLED, locked until the transaction ends; empty when none. */
    Mono<Moneyin> lockLiveOfOrder(OrderId orderId);

    /** Marks a RECEIVED moneyin RECALLED; emits whether this call did. */
    Mono<Boolean> recall(MoneyinId moneyinId, java.time.Instant at);

    /** Every moneyin of the order, newest first. */
    Flux<Moneyin> ofOrder(OrderId orderId);
}
