package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /campaigns/{id}/amount}: company amounts by where the money stands. Collected is what
 * was received for the company and not given back (AVAILABLE, HELD or EXECUTED company moneyouts);
 * refunded what went back (REVERSED); executed what the cashout pays; waiting the orderAmount of
 * WAITING orders.
 */
@RestController
@Tag(name = ApiTags.CAMPAIGNS)
public class CampaignAmountController {

    private final Campaigns campaigns;
    private final Orders orders;
    private final Moneyouts moneyouts;

    public CampaignAmountController(Campaigns campaigns, Orders orders, Moneyouts moneyouts) {
        this.campaigns = campaigns;
        this.orders = orders;
        this.moneyouts = moneyouts;
    }

    @Schema(
            name = "CampaignAmount",
            description = "A campaign's company amounts by where the money stands.",
            requiredProperties = {
                "currency",
                "collectedAmount",
                "waitingAmount",
                "refundedAmount",
                "executedAmount",
                "targetAmountMin",
                "targetAmountMax",
                "targetAmountMinReached"
            })
    public record CampaignAmountResponse(
            String currency,
            @Schema(description = "Received for the company and not given back (moneyouts AVAILABLE, HELD, EXECUTED)")
                    BigDecimal collectedAmount,
            @Schema(description = "The orderAmount of WAITING orders") BigDecimal waitingAmount,
            @Schema(description = "Given back (REVERSED moneyouts)") BigDecimal refundedAmount,
            @Schema(description = "What the cashout pays out (EXECUTED moneyouts)") BigDecimal executedAmount,
            BigDecimal targetAmountMin,
            BigDecimal targetAmountMax,
            boolean targetAmountMinReached) {

        /** Sums (a sum of nothing included) in the campaign currency's minor digits. */
        public CampaignAmountResponse {
            collectedAmount = Amounts.inMinorDigits(collectedAmount, currency);
            waitingAmount = Amounts.inMinorDigits(waitingAmount, currency);
            refundedAmount = Amounts.inMinorDigits(refundedAmount, currency);
            executedAmount = Amounts.inMinorDigits(executedAmount, currency);
            targetAmountMin = Amounts.inMinorDigits(targetAmountMin, currency);
            targetAmountMax = Amounts.inMinorDigits(targetAmountMax, currency);
        }
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/amount")
    @Operation(
            operationId = "getCampaignAmount",
            summary = "Get a campaign's amounts",
            description = "Company amounts collected, waiting, refunded and executed, against the targets.")
    Mono<CampaignAmountResponse> amount(Caller caller, @PathVariable String campaignId) {
        return campaigns
                .ofPortal(caller.portalIdOrFail(), CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> Mono.zip(
                                orders.totalsByStatus(campaign.campaignId()),
                                moneyouts.companyTotalsOfCampaign(campaign.campaignId()))
                        .map(t -> amounts(campaign, t.getT1(), t.getT2())));
    }

    private static CampaignAmountResponse amounts(
            Campaign campaign, List<Orders.StatusTotal> byOrderStatus, Map<MoneyoutStatus, BigDecimal> company) {
        BigDecimal executed = company.getOrDefault(MoneyoutStatus.EXECUTED, BigDecimal.ZERO);
        BigDecimal collected = executed.add(company.getOrDefault(MoneyoutStatus.AVAILABLE, BigDecimal.ZERO))
                .add(company.getOrDefault(MoneyoutStatus.HELD, BigDecimal.ZERO));
        BigDecimal waiting = byOrderStatus.stream()
                .filter(t -> t.status() == OrderStatus.WAITING)
                .map(Orders.StatusTotal::orderAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CampaignAmountResponse(
                campaign.currency(),
                collected,
                waiting,
                company.getOrDefault(MoneyoutStatus.REVERSED, BigDecimal.ZERO),
                executed,
                campaign.targetAmountMin(),
                campaign.targetAmountMax(),
                collected.compareTo(campaign.targetAmountMin()) >= 0);
    }
}
