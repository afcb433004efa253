package io.crowdrecon.recon.finalization.web;

import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.finalization.CashoutData;
import io.crowdrecon.recon.finalization.Cashouts;
import io.crowdrecon.recon.finalization.FinalizationPlan;
import io.crowdrecon.recon.finalization.FinalizeCampaign;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Campaign finalization (SPEC.md section 7): applied within the request. */
@RestController
public class FinalizationController {

    private final FinalizeCampaign finalize;
    private final Cashouts cashouts;
    private final Campaigns campaigns;

    public FinalizationController(FinalizeCampaign finalize, Cashouts cashouts, Campaigns campaigns) {
        this.finalize = finalize;
        this.cashouts = cashouts;
        this.campaigns = campaigns;
    }

    public record FinalizeSuccessRequest(
            List<String> ordersToExecute, List<String> ordersToUndo, FinalizationPlan.OrderSplit orderToSplit) {}

    public record FinalizedResponse(String campaignId, String status, String cashoutId, CashoutData cashout) {

        static FinalizedResponse of(FinalizeCampaign.Finalized finalized) {
            return new FinalizedResponse(
                    finalized.campaign().campaignId(),
                    finalized.campaign().status().name(),
                    finalized.cashout() == null ? null : finalized.cashout().cashoutId(),
                    finalized.cashout());
        }
    }

    @PutMapping("/api/v1/campaigns/{campaignId}/finalized-success")
    Mono<FinalizedResponse> success(
            Caller caller, @PathVariable String campaignId, @RequestBody FinalizeSuccessRequest request) {
        return finalize.succeed(
                        caller.portalId(),
                        campaignId,
                        new FinalizationPlan(request.ordersToExecute(), request.ordersToUndo(), request.orderToSplit()))
                .map(FinalizedResponse::of);
    }

    @PutMapping("/api/v1/campaigns/{campaignId}/finalized-failure")
    Mono<FinalizedResponse> failure(Caller caller, @PathVariable String campaignId) {
        return finalize.fail(caller.portalId(), campaignId).map(FinalizedResponse::of);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/cashouts/{cashoutId}")
    Mono<CashoutData> cashout(Caller caller, @PathVariable String campaignId, @PathVariable String cashoutId) {
        return campaigns
                .ofPortal(caller.portalId(), campaignId)
                .flatMap(campaign -> cashouts.ofCampaign(campaign.campaignId()))
                .filter(cashout -> cashout.cashoutId().equals(cashoutId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Cashout", cashoutId)));
    }
}
