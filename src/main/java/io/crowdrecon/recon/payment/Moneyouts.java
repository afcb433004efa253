package io.crowdrecon.recon.payment;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The moneyouts of every order. */
public interface Moneyouts {

    Mono<Void> addAll(List<Moneyout> moneyouts);

    /** Every moneyout of the order, oldest first. */
    Flux<Moneyout> ofOrder(String orderId);
}
