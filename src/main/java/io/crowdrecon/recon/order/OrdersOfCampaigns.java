package io.crowdrecon.recon.order;

import io.crowdrecon.recon.campaign.CampaignOrders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.shared.CampaignId;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The order side of campaign status changes: checking for paid orders and expiring the unpaid ones. */
public class OrdersOfCampaigns implements CampaignOrders {

    private final Orders orders;
    private final EventLog events;
    private final Clock clock;

    public OrdersOfCampaigns(Orders orders, EventLog events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Mono<Boolean> lockAndCheckAnyAccounted(String campaignId) {
        return orders.lockAllOfCampaign(CampaignId.of(campaignId))
                .any(order -> order.status() == OrderStatus.ACCOUNTED);
    }

    @Override
    public Mono<Long> expirePayable(String campaignId, String reason) {
        Instant now = clock.instant();
        return orders.lockAllOfCampaign(CampaignId.of(campaignId))
                .filter(order -> OrderTransitions.allows(order.status(), OrderTrigger.EXPIRE))
                .concatMap(order -> {
                    StatusChange change = OrderTransitions.change(order, OrderTrigger.EXPIRE, reason, now);
                    return orders.move(order.orderId(), change, null)
                            .filter(Boolean::booleanValue)
                            .map(moved -> OrderDesk.changed(order, change)
                                    .toEvent(order.portalId().value()));
                })
                .collectList()
                .flatMap(expired -> events.append(expired).thenReturn((long) expired.size()));
    }
}
