package io.crowdrecon.recon.payment;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The moneyins of every order. */
public interface Moneyins {

    /** Stores new moneyins; errors when an order would get a second live one. */
    Mono<Void> addAll(List<Moneyin> moneyins);

    /** Every moneyin of the order, newest first. */
    Flux<Moneyin> ofOrder(String orderId);
}
