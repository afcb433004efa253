package io.crowdrecon.recon.payment.moneyout;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The moneyouts of every order. */
public interface Moneyouts {

    Mono<Void> addAll(List<Moneyout> moneyouts);

    /** The same moneyout in another status (for the events announcing a move). */
    static Moneyout withStatus(Moneyout m, MoneyoutStatus status) {
        return new Moneyout(
                m.moneyoutId(),
                m.orderId(),
                m.moneyinId(),
                m.portalId(),
                m.campaignId(),
                m.companyId(),
                m.type(),
                status,
                m.amount(),
                m.currency(),
                m.splitOf(),
                m.createdAt(),
                m.executedAt());
    }

    /** The order's moneyouts, locked until the transaction ends, oldest first. */
    Flux<Moneyout> lockOfOrder(String orderId);

    /**
     * Moves every listed moneyout from {@code from} to {@code to}; errors with
     * IllegalStateException when one was not in {@code from} (the caller holds their locks).
     */
    Mono<Void> moveAll(List<String> moneyoutIds, MoneyoutStatus from, MoneyoutStatus to, java.time.Instant at);

    /** Marks moneyouts replaced by their split parts: they leave every list and total. */
    Mono<Void> markReplaced(List<String> moneyoutIds, java.time.Instant at);

    /** Links executed COMPANY moneyouts to the cashout that pays them out. */
    Mono<Void> assignCashout(List<String> moneyoutIds, String cashoutId);

    /** The campaign's standing COMPANY moneyouts summed by status. */
    Mono<java.util.Map<MoneyoutStatus, java.math.BigDecimal>> companyTotalsOfCampaign(String campaignId);

    /** Every moneyout of the order still standing (not replaced by a split), oldest first. */
    Flux<Moneyout> ofOrder(String orderId);
}
