package io.crowdrecon.recon.clearing;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What clearing needs to know of the money paid for a campaign's orders. */
public interface PaidMoneyins {

    /**
     * A live (not recalled) moneyin: its order, how it came, the bank's booking date (transfers; null when the bank gave
     * none) and when crowdrecon received it (a card's capture).
     */
    record Paid(OrderId orderId, boolean card, @Nullable LocalDate bookingDate, Instant receivedAt) {}

    /** The live moneyins of the campaign's orders. */
    Flux<Paid> liveOfCampaign(CampaignId campaignId);

    /** Whether the bank recalled a moneyin of the campaign after {@code since}. */
    Mono<Boolean> recalledSince(CampaignId campaignId, Instant since);
}
