package io.crowdrecon.recon.order;

import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The orders of every portal. Status changes always go through {@link #move}, which records history. */
public interface Orders {

    /** Stores a new order with its first history entry ({@code CREATED}). */
    Mono<Order> add(Order order, StatusChange created);

    /** The order if it belongs to {@code portalId}; empty otherwise. */
    Mono<Order> ofPortal(PortalId portalId, OrderId orderId);

    /** Like {@link #ofPortal}, locking the order until the transaction ends. */
    Mono<Order> lockOfPortal(PortalId portalId, OrderId orderId);

    /** The orders among {@code orderIds} that exist, locked in id order until the transaction ends. */
    Flux<Order> lockAll(Collection<OrderId> orderIds);

    /**
     * Locks, skipping orders another transaction holds, at most {@code limit} orders in one of {@code statuses} whose
     * payment window ended before {@code now}.
     */
    Flux<Order> lockOverdue(Set<OrderStatus> statuses, Instant now, int limit);

    /** The order whichever portal owns it, locked until the transaction ends; empty when unknown. */
    Mono<Order> lockById(OrderId orderId);

    /**
     * Moves the order from {@code change.previousStatus()} to {@code change.status()} if it is still
     * there, records the change in its history, and sets the payment window when
     * {@code windowEndsAt} is not null. Emits true when this call moved it.
     */
    Mono<Boolean> move(OrderId orderId, StatusChange change, @Nullable Instant windowEndsAt);

    /**
     * Applies many moves at once, in list order (an order may move twice: INCORRECT_AMOUNT then
     * ACCOUNTED). Every order must be locked by the caller and still in the first move's
     * {@code previousStatus}; errors with IllegalStateException otherwise. Records every step in
     * the history.
     */
    Mono<Void> moveAll(List<OrderMoveStep> moves);

    /** One step of {@link #moveAll}. */
    record OrderMoveStep(OrderId orderId, StatusChange change) {}

    /** The history, oldest first. */
    Flux<StatusChange> history(OrderId orderId);

    Mono<Page<Order>> pageOfCampaign(PortalId portalId, CampaignId campaignId, PageRequest page);

    /** Locks every order of the campaign (in id order) and emits them. */
    Flux<Order> lockAllOfCampaign(CampaignId campaignId);

    /** When the reflection period of each order of the campaign ends; an order its investor may not revoke is absent. */
    Mono<java.util.Map<OrderId, java.time.Instant>> reflectionEndsOfCampaign(CampaignId campaignId);

    /** Sum of orderAmount per status, for the campaign's amount view. */
    Mono<List<StatusTotal>> totalsByStatus(CampaignId campaignId);

    record StatusTotal(OrderStatus status, java.math.BigDecimal orderAmount, long count) {}

    /**
     * Σ orderAmount of the investor's orders in one of {@code live}: in {@code campaignId}, and in every campaign in
     * one of {@code running} (EUR; 0 when none). The caller holds the investor's lock, so no order of theirs is
     * created meanwhile.
     */
    Mono<Invested> invested(
            InvestorId investorId, CampaignId campaignId, Set<OrderStatus> live, Set<CampaignStatus> running);

    /** What {@link #invested} sums. */
    record Invested(java.math.BigDecimal inCampaign, java.math.BigDecimal inRunningCampaigns) {}
}
