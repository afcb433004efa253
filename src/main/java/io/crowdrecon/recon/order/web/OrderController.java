package io.crowdrecon.recon.order.web;

import io.crowdrecon.recon.order.OrderDesk;
import io.crowdrecon.recon.order.PlaceOrder;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A portal's orders (SPEC.md section 7). Orders are immutable once created but for their status. An {@code orderId}
 * in the path is well formed by the time a handler runs ({@code ApiHandlerMapping} answered 404 otherwise), so
 * {@link OrderId#of} cannot refuse it here.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = ApiTags.ORDERS)
public class OrderController {

    private final OrderDesk desk;
    private final IdempotentRequests idempotency;

    public OrderController(OrderDesk desk, IdempotentRequests idempotency) {
        this.desk = desk;
        this.idempotency = idempotency;
    }

    @Schema(
            name = "InvestorAccount",
            description = "The account the investor declares to pay from: a transfer from another payer still"
                    + " matches and opens a PAYER_MISMATCH review item. holderName and holderSurname, or"
                    + " holderBusinessName, are required for MONEY_TRANSFER orders.")
    public record InvestorAccountBody(
            @Schema(description = "Required for MONEY_TRANSFER orders", example = "DE89370400440532013000") @Nullable
                    String iban,
            @Schema(example = "Mario") @Nullable String holderName,
            @Schema(example = "Rossi") @Nullable String holderSurname,
            @Nullable String holderBusinessName) {}

    @Schema(
            description = "A subscription order; totalAmount = orderAmount + feeAmount, in EUR.",
            requiredProperties = {
                "investorId",
                "companyId",
                "campaignId",
                "totalAmount",
                "orderAmount",
                "feeAmount",
                "currency",
                "channel"
            })
    public record CreateOrderRequest(
            String investorId,
            @Schema(description = "The company of the campaign") String companyId,
            @Schema(description = "An OPEN campaign") String campaignId,
            @Schema(description = "Required for MONEY_TRANSFER, optional for CREDIT_CARD") @Nullable
                    InvestorAccountBody investorAccount,
            @Schema(description = "What the investor pays: orderAmount + feeAmount", example = "1100.00")
                    BigDecimal totalAmount,
            @Schema(description = "For the company", example = "1000.00") BigDecimal orderAmount,
            @Schema(description = "For the portal; 0 for none", example = "100.00") BigDecimal feeAmount,
            @Schema(description = "EUR (other ISO 4217 codes: 422 UNSUPPORTED_CURRENCY)", example = "EUR")
                    String currency,
            @Schema(implementation = OrderChannelSchema.class) String channel,
            @Schema(description = "Free text for the portal, at most 255 characters") String description,
            String portalOrderCode,
            Instant portalOrderDatetime,
            String portalInvestorCode,
            String portalCompanyCode,
            String portalCampaignCode,
            @Schema(
                            description = "The investor saw the risk warning and consented. Required (true) when a"
                                    + " non-sophisticated investor's orders in running campaigns, this one included,"
                                    + " add up to more than the higher of 1,000 EUR and 5 % of their net worth"
                                    + " (else 422 RISK_WARNING_REQUIRED); stored on the order as given. Omitted: false")
                    @Nullable
                    Boolean riskWarningAcknowledged) {

        PlaceOrder toCommand() {
            InvestorAccountBody a = investorAccount;
            return new PlaceOrder(
                    investorId,
                    companyId,
                    campaignId,
                    a == null
                            ? null
                            : new PlaceOrder.AccountFields(
                                    a.iban(), a.holderName(), a.holderSurname(), a.holderBusinessName()),
                    totalAmount,
                    orderAmount,
                    feeAmount,
                    currency,
                    channel,
                    description,
                    portalOrderCode,
                    portalOrderDatetime,
                    portalInvestorCode,
                    portalCompanyCode,
                    portalCampaignCode,
                    riskWarningAcknowledged);
        }
    }

    @PostMapping
    @Operation(
            operationId = "createOrder",
            summary = "Place an order",
            description = "Creates an order in CREATED with its orderId and what the investor needs to pay it.")
    @ApiResponse(
            responseCode = "201",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiErrors({
        ErrorCode.NOT_FOUND,
        ErrorCode.CAMPAIGN_NOT_OPEN,
        ErrorCode.UNSUPPORTED_CURRENCY,
        ErrorCode.TICKET_BELOW_MINIMUM,
        ErrorCode.TICKET_ABOVE_MAXIMUM,
        ErrorCode.TICKET_INCREMENT_NOT_MET,
        ErrorCode.MAX_PER_INVESTOR_EXCEEDED,
        ErrorCode.RISK_WARNING_REQUIRED
    })
    Mono<ResponseEntity<Object>> create(
            @RequestBody CreateOrderRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(
                exchange, caller, request, true, () -> desk.place(caller.portalIdOrFail(), request.toCommand())
                        .map(placed -> ResponseEntity.created(URI.create("/api/v1/orders/"
                                        + placed.order().orderId().value()))
                                .body(OrderResponse.of(placed))));
    }

    @GetMapping("/{orderId}")
    @Operation(
            operationId = "getOrder",
            summary = "Get an order",
            description = "The order with its status history, oldest first.")
    Mono<OrderResponse> get(Caller caller, @PathVariable String orderId) {
        return desk.get(caller.portalIdOrFail(), OrderId.of(orderId)).map(OrderResponse::of);
    }

    @PutMapping("/{orderId}/waiting")
    @Operation(
            operationId = "markOrderWaiting",
            summary = "Mark an order waiting",
            description =
                    "The investor says the payment is on its way: CREATED or INCORRECT_AMOUNT → WAITING; its payment window restarts.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<OrderResponse> waiting(Caller caller, @PathVariable String orderId) {
        return desk.markWaiting(caller.portalIdOrFail(), OrderId.of(orderId)).map(OrderResponse::of);
    }

    @PutMapping("/{orderId}/failed")
    @Operation(
            operationId = "markOrderFailed",
            summary = "Mark an order failed",
            description = "The payment failed: CREATED or WAITING → FAILED.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<OrderResponse> failed(Caller caller, @PathVariable String orderId) {
        return desk.markFailed(caller.portalIdOrFail(), OrderId.of(orderId)).map(OrderResponse::of);
    }

    @PutMapping("/{orderId}/cancelled")
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancel an order",
            description =
                    "A payable order → CANCELLED; an ACCOUNTED one → REFUNDED, its whole totalAmount refunded to the payer in this request.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<OrderResponse> cancelled(Caller caller, @PathVariable String orderId) {
        return desk.cancel(caller.portalIdOrFail(), OrderId.of(orderId)).map(OrderResponse::of);
    }

    @PutMapping("/{orderId}/revoked")
    @Operation(
            operationId = "revokeOrder",
            summary = "Revoke an order in its reflection period",
            description = "A non-sophisticated investor revokes the order before reflectionPeriodEndsAt: a payable"
                    + " order → REVOKED; an ACCOUNTED one → REVOKED, its whole totalAmount refunded to the payer in"
                    + " this request. Already REVOKED: 200, unchanged.")
    @ApiErrors({ErrorCode.NOT_REVOCABLE, ErrorCode.REFLECTION_PERIOD_OVER, ErrorCode.ILLEGAL_TRANSITION})
    Mono<OrderResponse> revoked(Caller caller, @PathVariable String orderId) {
        return desk.revoke(caller.portalIdOrFail(), OrderId.of(orderId)).map(OrderResponse::of);
    }
}
