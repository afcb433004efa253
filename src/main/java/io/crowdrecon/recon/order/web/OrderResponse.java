package io.crowdrecon.recon.order.web;

import io.crowdrecon.recon.order.InvestorAccount;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderDesk;
import io.crowdrecon.recon.order.StatusChange;
import io.crowdrecon.recon.shared.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it (SPEC.md section 7), with how to pay it and its history. */
public record OrderResponse(
        String orderId,
        String investorId,
        String companyId,
        String campaignId,
        AccountBody investorAccount,
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
        String portalCampaignCode,
        String status,
        String paymentReference,
        PaymentInstructions paymentInstructions,
        Instant paymentWindowEndsDatetime,
        Instant createdDatetime,
        Instant updatedDatetime,
        List<HistoryEntry> statusHistory) {

    public record AccountBody(String iban, String holderName, String holderSurname, String holderBusinessName) {}

    /** What the investor types into the bank transfer. */
    public record PaymentInstructions(
            String iban, String creditor, String description, BigDecimal amount, String currency) {}

    public record HistoryEntry(String status, String previousStatus, String reason, Instant at) {}

    public static OrderResponse of(OrderDesk.PlacedOrder placed) {
        Order o = placed.order();
        InvestorAccount a = o.investorAccount();
        Order.PortalReferences r = o.portalReferences();
        return new OrderResponse(
                o.orderId(),
                o.investorId(),
                o.companyId(),
                o.campaignId(),
                a == null
                        ? null
                        : new AccountBody(
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
                OrderId.of(o.orderId()).paymentReference(),
                new PaymentInstructions(
                        placed.portal().collectionIban().value(),
                        placed.portal().name(),
                        o.orderId(),
                        o.totalAmount(),
                        o.currency()),
                o.paymentWindowEndsAt(),
                o.createdAt(),
                o.updatedAt(),
                placed.history().stream().map(OrderResponse::entry).toList());
    }

    private static HistoryEntry entry(StatusChange change) {
        return new HistoryEntry(
                change.status().name(),
                change.previousStatus() == null ? null : change.previousStatus().name(),
                change.reason(),
                change.at());
    }
}
