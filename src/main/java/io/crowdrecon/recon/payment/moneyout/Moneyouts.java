package io.crowdrecon.recon.payment.moneyout;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Transition;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The moneyouts of every order. */
public interface Moneyouts {

    Mono<Void> addAll(List<Moneyout> moneyouts);

    /** The order's moneyouts, locked until the transaction ends, oldest first. */
    Flux<Moneyout> lockOfOrder(OrderId orderId);

    /**
     * Moves every listed moneyout along {@code row} of {@link MoneyoutTransitions} (to {@code row.to()}, stamping the
     * executed time when it executes them); errors with IllegalStateException when one was not in {@code row.from()}
     * (the caller holds their locks).
     */
    Mono<Void> moveAll(
            List<MoneyoutId> moneyoutIds, Transition<MoneyoutStatus, MoneyoutTrigger> row, java.time.Instant at);

    /** Marks moneyouts replaced by their split parts: they leave every list and total. */
    Mono<Void> markReplaced(List<MoneyoutId> moneyoutIds, java.time.Instant at);

    /** Links executed COMPANY moneyouts to the cashout that pays them out. */
    Mono<Void> assignCashout(List<MoneyoutId> moneyoutIds, CashoutId cashoutId);

    /** Every standing moneyout of the campaign (not replaced by a split), by order. */
    Flux<Moneyout> ofCampaign(CampaignId campaignId);

    /** Every moneyout of the order still standing (not replaced by a split), oldest first. */
    Flux<Moneyout> ofOrder(OrderId orderId);
}
