package io.crowdrecon.recon.order.web;

import io.crowdrecon.recon.order.OrderDesk;
import io.crowdrecon.recon.order.PlaceOrder;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
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

/** A portal's orders (SPEC.md section 7). Orders are immutable once created but for their status. */
@RestController
@RequestMapping("/api/v1/orders")
public class OrderController {

    private final OrderDesk desk;
    private final IdempotentRequests idempotency;

    public OrderController(OrderDesk desk, IdempotentRequests idempotency) {
        this.desk = desk;
        this.idempotency = idempotency;
    }

    public record InvestorAccountBody(
            String iban, String holderName, String holderSurname, String holderBusinessName) {}

    public record CreateOrderRequest(
            String investorId,
            String companyId,
            String campaignId,
            InvestorAccountBody investorAccount,
            BigDecimal totalAmount,
            BigDecimal orderAmount,
            BigDecimal feeAmount,
            String currency,
            String channel,
            String description,
            String portalOrderCode,
            Instant portalOrderDatetime,
            String portalInvestorCode,
            String portalCompanyCode,
            String portalCampaignCode) {

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
                    portalCampaignCode);
        }
    }

    @PostMapping
    Mono<ResponseEntity<Object>> create(
            @RequestBody CreateOrderRequest request, Caller caller, ServerWebExchange exchange) {
        return idempotency.run(exchange, caller, request, true, () -> desk.place(caller.portalId(), request.toCommand())
                .map(placed -> ResponseEntity.created(
                                URI.create("/api/v1/orders/" + placed.order().orderId()))
                        .body(OrderResponse.of(placed))));
    }

    @GetMapping("/{orderId}")
    Mono<OrderResponse> get(Caller caller, @PathVariable String orderId) {
        return desk.get(caller.portalId(), orderId).map(OrderResponse::of);
    }

    @PutMapping("/{orderId}/waiting")
    Mono<OrderResponse> waiting(Caller caller, @PathVariable String orderId) {
        return desk.markWaiting(caller.portalId(), orderId).map(OrderResponse::of);
    }

    @PutMapping("/{orderId}/failed")
    Mono<OrderResponse> failed(Caller caller, @PathVariable String orderId) {
        return desk.markFailed(caller.portalId(), orderId).map(OrderResponse::of);
    }

    @PutMapping("/{orderId}/cancelled")
    Mono<OrderResponse> cancelled(Caller caller, @PathVariable String orderId) {
        return desk.cancel(caller.portalId(), orderId).map(OrderResponse::of);
    }
}
