package io.crowdrecon.recon.order.web;

import io.crowdrecon.recon.order.OrderDesk;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A campaign's orders, with their histories. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
@Tag(name = ApiTags.CAMPAIGNS)
public class CampaignOrdersController {

    private final OrderDesk desk;

    public CampaignOrdersController(OrderDesk desk) {
        this.desk = desk;
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
                .flatMap(request -> desk.ofCampaign(caller.portalIdOrFail(), campaignId, request))
                .flatMap(desk::withHistories)
                .map(result -> result.map(OrderResponse::of));
    }
}
