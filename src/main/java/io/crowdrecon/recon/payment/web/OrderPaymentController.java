package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.payment.refund.Refunds;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** How an order was paid: its moneyin, moneyouts, refund, and the transfers naming it that were returned. */
@RestController
@RequestMapping("/api/v1/orders/{orderId}/payment")
@Tag(name = ApiTags.PAYMENTS)
public class OrderPaymentController {

    private final Orders orders;
    private final Moneyins moneyins;
    private final Moneyouts moneyouts;
    private final UnidentifiedTransfers unidentified;
    private final Refunds refunds;

    public OrderPaymentController(
            Orders orders,
            Moneyins moneyins,
            Moneyouts moneyouts,
            UnidentifiedTransfers unidentified,
            Refunds refunds) {
        this.orders = orders;
        this.moneyins = moneyins;
        this.moneyouts = moneyouts;
        this.unidentified = unidentified;
        this.refunds = refunds;
    }

    @Schema(
            name = "Moneyin",
            description = "The credit that paid the order: exactly its totalAmount.",
            requiredProperties = {"moneyinId", "orderId", "amount", "currency", "channel", "status", "createdDatetime"})
    public record MoneyinResponse(
            String moneyinId,
            String orderId,
            BigDecimal amount,
            String currency,
            PaymentChannel channel,
            @Nullable String payerIban,
            @Nullable String payerName,
            @Nullable String pspReference,
            MoneyinStatus status,
            Instant createdDatetime,
            @Nullable Instant recalledDatetime) {

        static MoneyinResponse of(Moneyin m) {
            return new MoneyinResponse(
                    m.moneyinId().value(),
                    m.orderId().value(),
                    m.amount(),
                    m.currency(),
                    m.channel(),
                    m.payerIban(),
                    m.payerName(),
                    m.pspReference(),
                    m.status(),
                    m.createdAt(),
                    m.recalledAt());
        }
    }

    @Schema(
            name = "OrderPayment",
            description = "How an order was paid: its moneyin (the live one, else the latest recalled one), moneyouts,"
                    + " refund, and the transfers naming it that were returned.",
            requiredProperties = {"moneyouts", "returnedTransfers"})
    public record PaymentResponse(
            @Nullable MoneyinResponse moneyin,
            List<MoneyoutResponse> moneyouts,
            @Nullable RefundResponse refund,
            List<UnidentifiedTransferResponse> returnedTransfers) {}

    @GetMapping
    @Operation(
            operationId = "getOrderPayment",
            summary = "Get how an order was paid",
            description = "The order's moneyin, moneyouts and refund, and the returned transfers that named it.")
    Mono<PaymentResponse> payment(Caller caller, @PathVariable String orderId) {
        return ownOrder(caller, orderId)
                .then(Mono.zip(
                        moneyins.ofOrder(OrderId.of(orderId)).collectList(),
                        moneyouts
                                .ofOrder(OrderId.of(orderId))
                                .map(MoneyoutResponse::of)
                                .collectList(),
                        unidentified
                                .namingOrder(orderId)
                                .map(UnidentifiedTransferResponse::of)
                                .collectList(),
                        refunds.ofOrder(OrderId.of(orderId)).collectList()))
                .map(t -> {
                    Moneyin moneyin = current(t.getT1());
                    return new PaymentResponse(
                            moneyin == null ? null : MoneyinResponse.of(moneyin),
                            t.getT2(),
                            t.getT4().isEmpty()
                                    ? null
                                    : RefundResponse.of(t.getT4().get(0)),
                            t.getT3());
                });
    }

    @GetMapping("/moneyouts")
    @Operation(
            operationId = "listOrderMoneyouts",
            summary = "List an order's moneyouts",
            description = "Every moneyout of the order, split parts included, in one page.")
    Mono<Page<MoneyoutResponse>> moneyouts(Caller caller, @PathVariable String orderId) {
        return ownOrder(caller, orderId)
                .then(moneyouts
                        .ofOrder(OrderId.of(orderId))
                        .map(MoneyoutResponse::of)
                        .collectList())
                .map(items -> new Page<>(items, 0, Math.max(items.size(), 1), items.size()));
    }

    /** The order's latest refund; 404 when it was never refunded. */
    @GetMapping("/refund")
    @Operation(
            operationId = "getOrderRefund",
            summary = "Get an order's refund",
            description = "The order's latest refund; 404 when it was never refunded.")
    Mono<RefundResponse> refund(Caller caller, @PathVariable String orderId) {
        return ownOrder(caller, orderId)
                .then(refunds.ofOrder(OrderId.of(orderId)).next())
                .map(RefundResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Refund of order", orderId)));
    }

    private Mono<Void> ownOrder(Caller caller, String orderId) {
        return orders.ofPortal(caller.portalIdOrFail(), OrderId.of(orderId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId)))
                .then();
    }

    /** The live moneyin, or else the latest one (recalled). */
    private static @Nullable Moneyin current(List<Moneyin> all) {
        return all.stream()
                .filter(m -> m.status() != MoneyinStatus.RECALLED)
                .findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
    }
}
