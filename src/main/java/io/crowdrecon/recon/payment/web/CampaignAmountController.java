package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.clearing.ClearingDates;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.payment.moneyout.CampaignAmounts;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /campaigns/{id}/amount}: where the campaign's money stands, in its currency ({@link CampaignAmounts} says
 * what each amount counts). Held money counts in neither the collected amounts nor the targets.
 */
@RestController
@Tag(name = ApiTags.CAMPAIGNS)
public class CampaignAmountController {

    private final Campaigns campaigns;
    private final Orders orders;
    private final Moneyouts moneyouts;
    private final ClearingDates clearing;
    private final Clock clock;

    public CampaignAmountController(
            Campaigns campaigns, Orders orders, Moneyouts moneyouts, ClearingDates clearing, Clock clock) {
        this.campaigns = campaigns;
        this.orders = orders;
        this.moneyouts = moneyouts;
        this.clearing = clearing;
        this.clock = clock;
    }

    @Schema(
            name = "CampaignAmount",
            description =
                    "Where a campaign's money stands, in the campaign's currency. Held money (a compliance hold, a"
                            + " chargeback, a credit missing from the statement) counts in neither collected nor the targets.",
            requiredProperties = {
                "currency",
                "collected",
                "collectedTotal",
                "cleared",
                "held",
                "inReflectionPeriod",
                "refundable",
                "targetAmountMin",
                "targetAmountMax",
                "minimumReached",
                "collectedAmount",
                "waitingAmount",
                "refundedAmount",
                "executedAmount",
                "targetAmountMinReached",
                "overfunded"
            })
    public record CampaignAmountResponse(
            String currency,
            @Schema(
                            description =
                                    "The company's money that counts: orderAmount received and not held or given back"
                                            + " (moneyouts AVAILABLE or EXECUTED)")
                    BigDecimal collected,
            @Schema(description = "The same money as the investors paid it, fees included") BigDecimal collectedTotal,
            @Schema(description = "The part of collected the bank can no longer recall (executed money included)")
                    BigDecimal cleared,
            @Schema(description = "The company's money HELD: it cannot be executed until released") BigDecimal held,
            @Schema(description = "The part of collected its non-sophisticated investors may still revoke")
                    BigDecimal inReflectionPeriod,
            @Schema(description = "What could still go back to the investors, fees included (AVAILABLE and HELD)")
                    BigDecimal refundable,
            BigDecimal targetAmountMin,
            BigDecimal targetAmountMax,
            @Schema(description = "collected ≥ targetAmountMin") boolean minimumReached,
            @Schema(description = "Same as collected (kept for existing clients)", deprecated = true)
                    BigDecimal collectedAmount,
            @Schema(description = "The orderAmount of WAITING orders") BigDecimal waitingAmount,
            @Schema(description = "Given back (REVERSED company moneyouts)") BigDecimal refundedAmount,
            @Schema(description = "What the cashout pays out (EXECUTED company moneyouts)") BigDecimal executedAmount,
            @Schema(description = "Same as minimumReached (kept for existing clients)", deprecated = true)
                    boolean targetAmountMinReached,
            @Schema(
                            description = "executedAmount > targetAmountMax: the campaign was finalized above its"
                                    + " maximum, which limits nothing (Fabrick v4)")
                    boolean overfunded) {

        /** Sums (a sum of nothing included) in the campaign currency's minor digits. */
        public CampaignAmountResponse {
            collected = Amounts.inMinorDigits(collected, currency);
            collectedTotal = Amounts.inMinorDigits(collectedTotal, currency);
            cleared = Amounts.inMinorDigits(cleared, currency);
            held = Amounts.inMinorDigits(held, currency);
            inReflectionPeriod = Amounts.inMinorDigits(inReflectionPeriod, currency);
            refundable = Amounts.inMinorDigits(refundable, currency);
            targetAmountMin = Amounts.inMinorDigits(targetAmountMin, currency);
            targetAmountMax = Amounts.inMinorDigits(targetAmountMax, currency);
            collectedAmount = Amounts.inMinorDigits(collectedAmount, currency);
            waitingAmount = Amounts.inMinorDigits(waitingAmount, currency);
            refundedAmount = Amounts.inMinorDigits(refundedAmount, currency);
            executedAmount = Amounts.inMinorDigits(executedAmount, currency);
        }
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/amount")
    @Operation(
            operationId = "getCampaignAmount",
            summary = "Get a campaign's amounts",
            description = "Collected (with and without fees), cleared, held, in reflection period, refundable, waiting,"
                    + " refunded and executed, against the targets.")
    Mono<CampaignAmountResponse> amount(Caller caller, @PathVariable String campaignId) {
        return campaigns
                .ofPortal(caller.portalIdOrFail(), CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> Mono.zip(
                                orders.totalsByStatus(campaign.campaignId()),
                                clearing.ofCampaign(campaign.portalId(), campaign.campaignId()),
                                orders.reflectionEndsOfCampaign(campaign.campaignId()))
                        .flatMap(facts -> sum(campaign, facts.getT2(), facts.getT3())
                                .map(amounts -> response(campaign, facts.getT1(), amounts))));
    }

    private Mono<CampaignAmounts> sum(
            Campaign campaign, Map<OrderId, Instant> clearsAt, Map<OrderId, Instant> reflectionEndsAt) {
        Instant now = clock.instant();
        return moneyouts
                .ofCampaign(campaign.campaignId())
                .reduce(
                        CampaignAmounts.zero(campaign.currency()),
                        (amounts, moneyout) -> amounts.plus(moneyout, clearsAt, reflectionEndsAt, now));
    }

    private static CampaignAmountResponse response(
            Campaign campaign, List<Orders.StatusTotal> byOrderStatus, CampaignAmounts amounts) {
        BigDecimal waiting = byOrderStatus.stream()
                .filter(t -> t.status() == OrderStatus.WAITING)
                .map(Orders.StatusTotal::orderAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean reached = amounts.reaches(campaign.targetMin());
        return new CampaignAmountResponse(
                campaign.currency(),
                amounts.collected().amount(),
                amounts.collectedTotal().amount(),
                amounts.cleared().amount(),
                amounts.held().amount(),
                amounts.inReflectionPeriod().amount(),
                amounts.refundable().amount(),
                campaign.targetAmountMin(),
                campaign.targetAmountMax(),
                reached,
                amounts.collected().amount(),
                waiting,
                amounts.refunded().amount(),
                amounts.executed().amount(),
                reached,
                amounts.executed().isGreaterThan(campaign.targetMax()));
    }
}
