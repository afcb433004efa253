package io.crowdrecon.recon.clearing;

import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Mono;

/** When the money paid for each order of a campaign clears, by its portal's settings as they are now. */
public class ClearingDates {

    private final PaidMoneyins paid;
    private final Portals portals;

    public ClearingDates(PaidMoneyins paid, Portals portals) {
        this.paid = paid;
        this.portals = portals;
    }

    /** By order: when its live moneyin clears; an order without one is absent. */
    public Mono<Map<OrderId, Instant>> ofCampaign(PortalId portalId, CampaignId campaignId) {
        return portals.settings(portalId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", portalId.value())))
                .flatMap(settings -> paid.liveOfCampaign(campaignId)
                        .collectMap(
                                PaidMoneyins.Paid::orderId,
                                money -> Clearing.clearsAt(
                                        settings, money.card(), money.bookingDate(), money.receivedAt())));
    }

    /** Whether the bank recalled money of the campaign after {@code since}. */
    public Mono<Boolean> recalledSince(CampaignId campaignId, Instant since) {
        return paid.recalledSince(campaignId, since);
    }
}
