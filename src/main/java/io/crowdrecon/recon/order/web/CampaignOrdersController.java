package io.crowdrecon.recon.order.web;

import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.investor.Investor;
import io.crowdrecon.recon.investor.Investors;
import io.crowdrecon.recon.investor.web.InvestorController.InvestorResponse;
import io.crowdrecon.recon.order.OrderDesk;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The order views of a campaign: its orders and the amounts they add up to. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
@Tag(name = ApiTags.CAMPAIGNS)
public class CampaignOrdersController {

    private static final Set<OrderStatus> COLLECTED = Set.of(OrderStatus.ACCOUNTED, OrderStatus.SPLITTED);

    private final OrderDesk desk;
    private final Orders orders;
    private final Campaigns campaigns;
    private final Investors investors;

    public CampaignOrdersController(OrderDesk desk, Orders orders, Campaigns campaigns, Investors investors) {
        this.desk = desk;
        this.orders = orders;
        this.campaigns = campaigns;
        this.investors = investors;
    }

    @GetMapping("/orders")
    @Operation(
            operationId = "listCampaignOrders",
            summary = "List a campaign's orders",
            description = "The campaign's orders with their histories, newest first.")
    Mono<Page<OrderResponse>> orders(
            Caller caller,
            @PathVariable String campaignId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> desk.ofCampaign(caller.portalId(), campaignId, request))
                .flatMap(desk::withHistories)
                .map(result -> result.map(OrderResponse::of));
    }

    /** The investors with at least one order in the campaign, newest order first. */
    @GetMapping("/investors")
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
                        .ofPortal(caller.portalId(), campaignId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                        .then(orders.investorIdsOfCampaign(campaignId, request)))
                .flatMap(ids -> investors
                        .ofPortal(caller.portalId(), ids.items())
                        .collectMap(Investor::investorId)
                        .map(byId -> new Page<>(
                                ids.items().stream()
                                        .filter(byId::containsKey)
                                        .map(byId::get)
                                        .map(InvestorResponse::of)
                                        .toList(),
                                ids.page(),
                                ids.size(),
                                ids.total())));
    }
}
