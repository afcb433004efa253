package io.crowdrecon.recon.finalization.web;

import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.finalization.CashoutView;
import io.crowdrecon.recon.finalization.Cashouts;
import io.crowdrecon.recon.finalization.Finalization;
import io.crowdrecon.recon.finalization.FinalizationPlan;
import io.crowdrecon.recon.finalization.FinalizeCampaign;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Campaign finalization (SPEC.md section 7): applied within the request. */
@RestController
@Tag(name = ApiTags.CAMPAIGNS)
public class FinalizationController {

    private final FinalizeCampaign finalize;
    private final Cashouts cashouts;
    private final Campaigns campaigns;

    public FinalizationController(FinalizeCampaign finalize, Cashouts cashouts, Campaigns campaigns) {
        this.finalize = finalize;
        this.cashouts = cashouts;
        this.campaigns = campaigns;
    }

    @Schema(
            description = "Every ACCOUNTED order of the campaign appears exactly once: executed, undone (refunded) or"
                    + " split.")
    public record FinalizeSuccessRequest(
            @ArraySchema(
                            minItems = 1,
                            arraySchema =
                                    @Schema(
                                            description = "Orders whose whole amounts go to the company and the portal:"
                                                    + " at least one (else 422 NO_ORDERS_TO_EXECUTE; a split alone"
                                                    + " does not count)"))
                    List<String> ordersToExecute,
            @Schema(description = "Orders refunded to their payers") List<String> ordersToUndo,
            @Schema(description = "At most one order executed in part") @Nullable OrderSplitBody orderToSplit,
            @Schema(
                            description = "When orders to execute were paid with funds not yet cleared: true waits for"
                                    + " them (202, the campaign FINALIZING, the cashout built by the clearing job once"
                                    + " the last clears); false or absent answers 422 FUNDS_NOT_CLEARED")
                    @Nullable
                    Boolean executeWhenCleared) {

        FinalizationPlan plan() {
            OrderSplitBody split = orderToSplit;
            return new FinalizationPlan(
                    ordersToExecute,
                    ordersToUndo,
                    split == null
                            ? null
                            : new FinalizationPlan.OrderSplit(
                                    split.orderId(),
                                    split.companyAmountToExecute(),
                                    split.companyAmountToUndo(),
                                    split.feeAmountToExecute(),
                                    split.feeAmountToUndo()),
                    Boolean.TRUE.equals(executeWhenCleared));
        }
    }

    @Schema(
            name = "OrderSplit",
            description = "One order executed in part: its orderAmount splits into companyAmountToExecute +"
                    + " companyAmountToUndo, its feeAmount into feeAmountToExecute + feeAmountToUndo; each at least 0.",
            requiredProperties = {
                "orderId",
                "companyAmountToExecute",
                "companyAmountToUndo",
                "feeAmountToExecute",
                "feeAmountToUndo"
            })
    public record OrderSplitBody(
            String orderId,
            @Schema(example = "500.00") BigDecimal companyAmountToExecute,
            @Schema(example = "500.00") BigDecimal companyAmountToUndo,
            @Schema(example = "50.00") BigDecimal feeAmountToExecute,
            @Schema(example = "50.00") BigDecimal feeAmountToUndo) {}

    @Schema(
            name = "FinalizedCampaign",
            description = "The finalized campaign; on success its cashout. FINALIZING: accepted, waiting for its funds"
                    + " to clear until clearsAt.",
            requiredProperties = {"campaignId", "status", "overfunded"})
    public record FinalizedResponse(
            String campaignId,
            @Schema(implementation = io.crowdrecon.recon.campaign.CampaignStatus.class) String status,
            @Schema(description = "null on failure and while FINALIZING") @Nullable String cashoutId,
            @Schema(description = "null on failure and while FINALIZING") @Nullable CashoutResponse cashout,
            @Schema(
                            description =
                                    "While FINALIZING: when the last order to execute clears; the clearing job builds"
                                            + " the cashout on its first run after it")
                    @Nullable
                    Instant clearsAt,
            @Schema(
                            description = "The cashout's executed company amount is above targetAmountMax, which does"
                                    + " not limit finalization (Fabrick v4); false on failure and while FINALIZING")
                    boolean overfunded) {

        static FinalizedResponse of(FinalizeCampaign.Finalized finalized) {
            CashoutView cashout = finalized.cashout();
            return new FinalizedResponse(
                    finalized.campaign().campaignId().value(),
                    finalized.campaign().status().name(),
                    finalized.cashout() == null
                            ? null
                            : finalized.cashout().cashoutId().value(),
                    finalized.cashout() == null ? null : CashoutResponse.of(finalized.cashout()),
                    finalized.clearsAt(),
                    cashout != null && Finalization.overfunded(finalized.campaign(), cashout.executedCompanyAmount()));
        }
    }

    @PutMapping("/api/v1/campaigns/{campaignId}/finalized-success")
    @Operation(
            operationId = "finalizeCampaignSuccess",
            summary = "Finalize a campaign as successful",
            description = "CLOSED → FINALIZED_SUCCESS within the request: executes, refunds and splits the listed"
                    + " orders, expires payable ones, creates the cashout and its CASHOUT and FEE_PAYOUT instructions."
                    + " Refused, in this order, while an order to execute is under a compliance hold, in its reflection"
                    + " period, or paid with funds not yet cleared (each answer lists the orders). With"
                    + " executeWhenCleared the last one answers 202: the campaign is FINALIZING until its funds clear."
                    + " targetAmountMax does not limit it: an executed amount above it answers overfunded true.")
    @ApiResponse(
            responseCode = "200",
            description = "The finalized campaign with its cashout",
            content = @Content(schema = @Schema(implementation = FinalizedResponse.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the campaign is FINALIZING, waiting for its funds to clear (executeWhenCleared)",
            content = @Content(schema = @Schema(implementation = FinalizedResponse.class)))
    @ApiErrors({
        ErrorCode.ILLEGAL_TRANSITION,
        ErrorCode.NO_ORDERS_TO_EXECUTE,
        ErrorCode.ACCOUNTED_ORDERS_CHANGED,
        ErrorCode.ORDERS_ON_HOLD,
        ErrorCode.REFLECTION_PERIOD_OPEN,
        ErrorCode.FUNDS_NOT_CLEARED,
        ErrorCode.SPLIT_MISMATCH,
        ErrorCode.TARGET_NOT_MET,
        ErrorCode.SUCCESS_FEE_EXCEEDS_CASHOUT,
        ErrorCode.MONEYOUTS_HELD
    })
    Mono<ResponseEntity<FinalizedResponse>> success(
            Caller caller, @PathVariable String campaignId, @RequestBody FinalizeSuccessRequest request) {
        return finalize.succeed(caller.portalIdOrFail(), campaignId, request.plan())
                .map(finalized -> ResponseEntity.status(
                                finalized.campaign().status() == CampaignStatus.FINALIZING
                                        ? HttpStatus.ACCEPTED
                                        : HttpStatus.OK)
                        .body(FinalizedResponse.of(finalized)));
    }

    @PutMapping("/api/v1/campaigns/{campaignId}/finalized-failure")
    @Operation(
            operationId = "finalizeCampaignFailure",
            summary = "Finalize a campaign as failed",
            description = "CLOSED → FINALIZED_FAIL within the request: every ACCOUNTED order is refunded (one under a"
                    + " compliance hold too), payable ones expire. A FINALIZING campaign may give up waiting this way.")
    @ApiErrors({ErrorCode.ILLEGAL_TRANSITION, ErrorCode.MONEYOUTS_HELD})
    Mono<FinalizedResponse> failure(Caller caller, @PathVariable String campaignId) {
        return finalize.fail(caller.portalIdOrFail(), campaignId).map(FinalizedResponse::of);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/cashouts/{cashoutId}")
    @Operation(
            operationId = "getCashout",
            summary = "Get a campaign's cashout",
            description = "The cashout of a successful campaign, with the status of its CASHOUT instruction.")
    Mono<CashoutResponse> cashout(Caller caller, @PathVariable String campaignId, @PathVariable String cashoutId) {
        return campaigns
                .ofPortal(caller.portalIdOrFail(), CampaignId.of(campaignId))
                .flatMap(campaign -> cashouts.ofCampaign(campaign.campaignId()))
                .filter(cashout -> cashout.cashoutId().value().equals(cashoutId))
                .map(CashoutResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Cashout", cashoutId)));
    }
}
