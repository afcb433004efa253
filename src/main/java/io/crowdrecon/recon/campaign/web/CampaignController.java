package io.crowdrecon.recon.campaign.web;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignDesk;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTerms;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A portal's campaigns (SPEC.md section 7). */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = ApiTags.CAMPAIGNS)
public class CampaignController {

    private final CampaignDesk desk;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    public CampaignController(CampaignDesk desk, IdempotentRequests idempotency, Clock clock) {
        this.desk = desk;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Schema(
            name = "SuccessFee",
            description = "The portal's success fee on a successful campaign: fixedAmount + variableAmountPercentage"
                    + " % of the executed company amount (rounded half up to cents). Omitted: 0.")
    public record SuccessFeeBody(
            @Schema(description = "At least 0, at most 2 decimals", example = "500.00") @Nullable
                    BigDecimal fixedAmount,
            @Schema(description = "Percentage points, 0 to 100 with at most 4 decimals (2 means 2 %)", example = "2.5")
                    @Nullable
                    BigDecimal variableAmountPercentage) {}

    @Schema(
            description = "A campaign's terms. On update, companyId must stay the campaign's company.",
            requiredProperties = {
                "companyId",
                "name",
                "targetAmountMin",
                "targetAmountMax",
                "currency",
                "expectedClosingDate"
            })
    public record CampaignRequest(
            @Schema(description = "A company onboarded for this portal") String companyId,
            @Schema(description = "At most 255 characters", example = "Seed round") String name,
            @Schema(description = "At most 4,096 characters") String description,
            @Schema(description = "Greater than 0, at most 2 decimals", example = "10000.00")
                    BigDecimal targetAmountMin,
            @Schema(description = "At least targetAmountMin", example = "100000.00") BigDecimal targetAmountMax,
            @Schema(description = "EUR (other ISO 4217 codes: 422 UNSUPPORTED_CURRENCY)", example = "EUR")
                    String currency,
            @Schema(description = "Today or later", example = "2027-06-30") LocalDate expectedClosingDate,
            SuccessFeeBody portalSuccessFee,
            @Schema(description = "Optional: the least orderAmount of an order, greater than 0", example = "250.00")
                    @Nullable
                    BigDecimal minTicket,
            @Schema(
                            description = "Optional: the greatest orderAmount of an order, at least minTicket",
                            example = "50000.00")
                    @Nullable
                    BigDecimal maxTicket,
            @Schema(
                            description = "Optional: orderAmount must be minTicket (or 0) plus a multiple of it",
                            example = "50.00")
                    @Nullable
                    BigDecimal ticketIncrement,
            @Schema(
                            description = "Optional: the most one investor's live orders in the campaign may add up to"
                                    + " (orderAmount)",
                            example = "100000.00")
                    @Nullable
                    BigDecimal maxPerInvestor) {

        CampaignTerms terms(Validation v, LocalDate today) {
            SuccessFeeBody fee = portalSuccessFee == null ? new SuccessFeeBody(null, null) : portalSuccessFee;
            return CampaignTerms.validate(
                    v,
                    today,
                    name,
                    description,
                    targetAmountMin,
                    targetAmountMax,
                    currency,
                    expectedClosingDate,
                    fee.fixedAmount(),
                    fee.variableAmountPercentage(),
                    minTicket,
                    maxTicket,
                    ticketIncrement,
                    maxPerInvestor);
        }
    }

    @Schema(
            name = "Campaign",
            requiredProperties = {
                "campaignId",
                "companyId",
                "name",
                "targetAmountMin",
                "targetAmountMax",
                "currency",
                "expectedClosingDate",
                "portalSuccessFee",
                "status",
                "createdDatetime",
                "updatedDatetime"
            })
    public record CampaignResponse(
            String campaignId,
            String companyId,
            String name,
            @Nullable String description,
            BigDecimal targetAmountMin,
            BigDecimal targetAmountMax,
            String currency,
            LocalDate expectedClosingDate,
            SuccessFeeBody portalSuccessFee,
            @Schema(implementation = CampaignStatus.class) String status,
            Instant createdDatetime,
            Instant updatedDatetime,
            @Nullable BigDecimal minTicket,
            @Nullable BigDecimal maxTicket,
            @Nullable BigDecimal ticketIncrement,
            @Nullable BigDecimal maxPerInvestor) {

        public static CampaignResponse of(Campaign c) {
            return new CampaignResponse(
                    c.campaignId().value(),
                    c.companyId().value(),
                    c.terms().name(),
                    c.terms().description(),
                    c.targetAmountMin(),
                    c.targetAmountMax(),
                    c.currency(),
                    c.expectedClosingDate(),
                    new SuccessFeeBody(
                            c.terms().successFee().fixedAmount(),
                            c.terms().successFee().variableAmountPercentage()),
                    c.status().name(),
                    c.createdAt(),
                    c.updatedAt(),
                    c.ticketRules().minTicket(),
                    c.ticketRules().maxTicket(),
                    c.ticketRules().ticketIncrement(),
                    c.ticketRules().maxPerInvestor());
        }
    }

    @PostMapping
    @Operation(
            operationId = "createCampaign",
            summary = "Create a campaign",
            description = "Creates a campaign in CREATED for one of the portal's companies; open it to take orders.")
    @ApiResponse(
            responseCode = "201",
            description = "The campaign",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @ApiErrors({ErrorCode.NOT_FOUND, ErrorCode.UNSUPPORTED_CURRENCY})
    Mono<ResponseEntity<Object>> create(
            @RequestBody CampaignRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    v.text("companyId", request.companyId(), true);
                    return request.terms(v, LocalDate.now(clock));
                })
                .flatMap(terms -> desk.create(caller.portalIdOrFail(), request.companyId(), terms))
                .map(campaign -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.campaignId()))
                        .body(CampaignResponse.of(campaign))));
    }

    @GetMapping
    @Operation(
            operationId = "listCampaigns",
            summary = "List campaigns",
            description = "The portal's campaigns, newest first.")
    Mono<Page<CampaignResponse>> list(
            Caller caller, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> desk.list(caller.portalIdOrFail(), request))
                .map(result -> result.map(CampaignResponse::of));
    }

    @GetMapping("/{campaignId}")
    @Operation(operationId = "getCampaign", summary = "Get a campaign", description = "One of the portal's campaigns.")
    Mono<CampaignResponse> get(Caller caller, @PathVariable String campaignId) {
        return desk.get(caller.portalIdOrFail(), campaignId).map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}")
    @Operation(
            operationId = "updateCampaign",
            summary = "Update a campaign",
            description = "Replaces the terms of a CREATED or OPEN campaign.")
    @ApiErrors({ErrorCode.ILLEGAL_TRANSITION, ErrorCode.UNSUPPORTED_CURRENCY})
    Mono<CampaignResponse> update(
            Caller caller, @PathVariable String campaignId, @RequestBody CampaignRequest request) {
        return Mono.fromCallable(() -> request.terms(Validation.start(), LocalDate.now(clock)))
                .flatMap(terms -> desk.update(caller.portalIdOrFail(), campaignId, request.companyId(), terms))
                .map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}/opened")
    @Operation(
            operationId = "openCampaign",
            summary = "Open a campaign",
            description = "CREATED → OPEN: the campaign takes orders.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<CampaignResponse> open(Caller caller, @PathVariable String campaignId) {
        return desk.open(caller.portalIdOrFail(), campaignId).map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}/closed")
    @Operation(
            operationId = "closeCampaign",
            summary = "Close a campaign",
            description = "OPEN → CLOSED: no new orders; payments of payable orders are still matched.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<CampaignResponse> close(Caller caller, @PathVariable String campaignId) {
        return desk.close(caller.portalIdOrFail(), campaignId).map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}/cancelled")
    @Operation(
            operationId = "cancelCampaign",
            summary = "Cancel a campaign",
            description = "CREATED, or OPEN/CLOSED with no ACCOUNTED order → CANCELLED; its payable orders expire.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<CampaignResponse> cancel(Caller caller, @PathVariable String campaignId) {
        return desk.cancel(caller.portalIdOrFail(), campaignId).map(CampaignResponse::of);
    }
}
