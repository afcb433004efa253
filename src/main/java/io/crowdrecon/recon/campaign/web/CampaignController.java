package io.crowdrecon.recon.campaign.web;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignDesk;
import io.crowdrecon.recon.campaign.CampaignTerms;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Validation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
public class CampaignController {

    private final CampaignDesk desk;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    public CampaignController(CampaignDesk desk, IdempotentRequests idempotency, Clock clock) {
        this.desk = desk;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public record SuccessFeeBody(BigDecimal fixedAmount, BigDecimal variableAmountPercentage) {}

    public record CampaignRequest(
            String companyId,
            String name,
            String description,
            BigDecimal targetAmountMin,
            BigDecimal targetAmountMax,
            String currency,
            LocalDate expectedClosingDate,
            SuccessFeeBody portalSuccessFee) {

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
                    fee.variableAmountPercentage());
        }
    }

    public record CampaignResponse(
            String campaignId,
            String companyId,
            String name,
            String description,
            BigDecimal targetAmountMin,
            BigDecimal targetAmountMax,
            String currency,
            LocalDate expectedClosingDate,
            SuccessFeeBody portalSuccessFee,
            String status,
            Instant createdDatetime,
            Instant updatedDatetime) {

        public static CampaignResponse of(Campaign c) {
            return new CampaignResponse(
                    c.campaignId(),
                    c.companyId(),
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
                    c.updatedAt());
        }
    }

    @PostMapping
    Mono<ResponseEntity<Object>> create(
            @RequestBody CampaignRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    v.text("companyId", request.companyId(), true);
                    return request.terms(v, LocalDate.now(clock));
                })
                .flatMap(terms -> desk.create(caller.portalId(), request.companyId(), terms))
                .map(campaign -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.campaignId()))
                        .body(CampaignResponse.of(campaign))));
    }

    @GetMapping
    Mono<Page<CampaignResponse>> list(
            Caller caller, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> desk.list(caller.portalId(), request))
                .map(result -> result.map(CampaignResponse::of));
    }

    @GetMapping("/{campaignId}")
    Mono<CampaignResponse> get(Caller caller, @PathVariable String campaignId) {
        return desk.get(caller.portalId(), campaignId).map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}")
    Mono<CampaignResponse> update(
            Caller caller, @PathVariable String campaignId, @RequestBody CampaignRequest request) {
        return Mono.fromCallable(() -> request.terms(Validation.start(), LocalDate.now(clock)))
                .flatMap(terms -> desk.update(caller.portalId(), campaignId, request.companyId(), terms))
                .map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}/opened")
    Mono<CampaignResponse> open(Caller caller, @PathVariable String campaignId) {
        return desk.open(caller.portalId(), campaignId).map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}/closed")
    Mono<CampaignResponse> close(Caller caller, @PathVariable String campaignId) {
        return desk.close(caller.portalId(), campaignId).map(CampaignResponse::of);
    }

    @PutMapping("/{campaignId}/cancelled")
    Mono<CampaignResponse> cancel(Caller caller, @PathVariable String campaignId) {
        return desk.cancel(caller.portalId(), campaignId).map(CampaignResponse::of);
    }
}
