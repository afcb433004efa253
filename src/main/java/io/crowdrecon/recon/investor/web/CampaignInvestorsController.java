package io.crowdrecon.recon.investor.web;

import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.investor.Investors;
import io.crowdrecon.recon.investor.web.InvestorController.InvestorResponse;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A campaign's investors: the investor capability answers it, so that its response shape stays its own. */
@RestController
@Tag(name = ApiTags.CAMPAIGNS)
public class CampaignInvestorsController {

    private final Investors investors;
    private final Campaigns campaigns;

    public CampaignInvestorsController(Investors investors, Campaigns campaigns) {
        this.investors = investors;
        this.campaigns = campaigns;
    }

    /** The investors with at least one order in the campaign, newest order first. */
    @GetMapping("/api/v1/campaigns/{campaignId}/investors")
    @Operation(
            operationId = "listCampaignInvestors",
            summary = "List a campaign's investors",
            description = "The investors with at least one order in the campaign, newest order first.")
    Mono<Page<InvestorResponse>> investors(
            Caller caller,
            @PathVariable String campaignId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> campaigns
                        .ofPortal(caller.portalIdOrFail(), CampaignId.of(campaignId))
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                        .then(investors.ofCampaign(caller.portalIdOrFail(), CampaignId.of(campaignId), request)))
                .map(result -> result.map(InvestorResponse::of));
    }
}
