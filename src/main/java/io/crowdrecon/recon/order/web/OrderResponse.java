package io.crowdrecon.recon.order.web;

import io.crowdrecon.recon.order.InvestorAccount;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderDesk;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.StatusChange;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An order as the API shows it (SPEC.md section 7), with how to pay it and its history. */
@Schema(
        name = "Order",
        description = "An order, with how to pay it and its status history.",
        requiredProperties = {
            "orderId",
            "investorId",
            "companyId",
            "campaignId",
            "totalAmount",
            "orderAmount",
            "feeAmount",
            "currency",
            "channel",
            "status",
            "paymentReference",
            "paymentInstructions",
            "paymentWindowEndsDatetime",
            "createdDatetime",
            "updatedDatetime",
            "statusHistory",
            "riskWarningAcknowledged"
        })
public record OrderResponse(
        String orderId,
        String investorId,
        String companyId,
        String campaignId,
        OrderController.@Nullable InvestorAccountBody investorAccount,
        BigDecimal totalAmount,
        BigDecimal orderAmount,
        BigDecimal feeAmount,
        String currency,
        @Schema(implementation = OrderChannelSchema.class) String channel,
        @Nullable String description,
        @Nullable String portalOrderCode,
        @Nullable Instant portalOrderDatetime,
        @Nullable String portalInvestorCode,
        @Nullable String portalCompanyCode,
        @Nullable String portalCampaignCode,
        @Schema(implementation = OrderStatus.class) String status,
        @Schema(description = "The ISO 11649 creditor reference RF + check digits + orderId") String paymentReference,
        PaymentInstructions paymentInstructions,
        Instant paymentWindowEndsDatetime,
        Instant createdDatetime,
        Instant updatedDatetime,
        List<HistoryEntry> statusHistory,
        @Schema(description = "Whether the order was created with riskWarningAcknowledged true")
                boolean riskWarningAcknowledged,
        @Schema(
                        description = "Until when the portal may revoke the order (PUT …/revoked): creation + the"
                                + " portal's reflection period, for a non-sophisticated investor; null when it cannot"
                                + " be revoked")
                @Nullable
                Instant reflectionPeriodEndsAt) {

    /** What the investor types into the bank transfer. */
    @Schema(
            description = "How to pay the order by bank transfer: to this IBAN, this amount, with this description.",
            requiredProperties = {"iban", "creditor", "description", "amount", "currency"})
    public record PaymentInstructions(
            @Schema(description = "The portal's collection IBAN") String iban,
            @Schema(
                            description = "Whom the investor pays: the holder of the portal's collection account"
                                    + " (collectionAccountHolder), the portal's name unless onboarding gave another")
                    String creditor,
            @Schema(description = "What the investor writes in the transfer: it contains the orderId")
                    String description,
            BigDecimal amount,
            String currency) {}

    @Schema(
            name = "OrderStatusChange",
            requiredProperties = {"status", "reason", "at"})
    public record HistoryEntry(
            @Schema(implementation = OrderStatus.class) String status,
            @Schema(implementation = OrderStatus.class, description = "null on creation") @Nullable
                    String previousStatus,
            String reason,
            Instant at) {}

    public static OrderResponse of(OrderDesk.PlacedOrder placed) {
        Order o = placed.order();
        InvestorAccount a = o.investorAccount();
        Order.PortalReferences r = o.portalReferences();
        return new OrderResponse(
                o.orderId().value(),
                o.investorId().value(),
                o.companyId().value(),
                o.campaignId().value(),
                a == null
                        ? null
                        : new OrderController.InvestorAccountBody(
                                a.iban() == null ? null : a.iban().value(),
                                a.holderName(),
                                a.holderSurname(),
                                a.holderBusinessName()),
                o.totalAmount(),
                o.orderAmount(),
                o.feeAmount(),
                o.currency(),
                o.channel().name(),
                r.description(),
                r.portalOrderCode(),
                r.portalOrderDatetime(),
                r.portalInvestorCode(),
                r.portalCompanyCode(),
                r.portalCampaignCode(),
                o.status().name(),
                o.orderId().paymentReference(),
                new PaymentInstructions(
                        placed.portal().collectionIban().value(),
                        placed.portal().creditorName(),
                        o.orderId().value(),
                        o.totalAmount(),
                        o.currency()),
                o.paymentWindowEndsAt(),
                o.createdAt(),
                o.updatedAt(),
                placed.history().stream().map(OrderResponse::entry).toList(),
                o.riskWarningAcknowledged(),
                o.reflectionEndsAt());
    }

    private static HistoryEntry entry(StatusChange change) {
        return new HistoryEntry(
                change.status().name(),
                change.previousStatus() == null ? null : change.previousStatus().name(),
                change.reason(),
                change.at());
    }
}
