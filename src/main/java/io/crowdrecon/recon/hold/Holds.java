package io.crowdrecon.recon.hold;

import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The compliance holds of every portal, and what a hold needs to know of the investors and orders it holds. */
public interface Holds {

    /** Stores a new hold. */
    Mono<Void> add(ComplianceHold hold);

    /** The hold; empty when unknown. */
    Mono<ComplianceHold> byId(HoldId holdId);

    /** The hold locked until the transaction ends; empty when unknown. */
    Mono<ComplianceHold> lockById(HoldId holdId);

    /**
     * Stores {@code ended} (moved along {@code row} by the caller, who holds its lock) if the hold is still in
     * {@code row.from()}; errors with IllegalStateException otherwise.
     */
    Mono<Void> end(ComplianceHold ended, Transition<HoldStatus, HoldTrigger> row);

    /** Holds newest first, filtered by each argument that is not null; the page's total counts them all. */
    Mono<Page<ComplianceHold>> page(
            @Nullable PortalId portalId,
            @Nullable HoldStatus status,
            @Nullable InvestorId investorId,
            @Nullable OrderId orderId,
            PageRequest page);

    /** The portal of the investor, whichever it is; empty when there is no such investor. */
    Mono<PortalId> portalOfInvestor(InvestorId investorId);

    /** The ids of every order of the investor, in id order. */
    Flux<OrderId> ordersOfInvestor(InvestorId investorId);
}
