package io.crowdrecon.recon.order;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription order: what an investor must pay ({@code totalAmount} = {@code orderAmount} for
 * the company + {@code feeAmount} for the portal, EUR) and where it stands. Immutable once created
 * except for its status and payment window.
 *
 * @param paymentWindowEndsAt credits received after this instant are not accepted; restarts at WAITING
 * @param riskWarningAcknowledged whether the portal said the investor acknowledged the risk warning, as given
 * @param reflectionEndsAt until when the portal may revoke the order (a non-sophisticated investor's reflection
 *     period); null when it never could: a sophisticated investor's order, or one created before periods existed
 */
public record Order(
        OrderId orderId,
        PortalId portalId,
        CampaignId campaignId,
        CompanyId companyId,
        InvestorId investorId,
        @Nullable InvestorAccount investorAccount,
        BigDecimal totalAmount,
        BigDecimal orderAmount,
        BigDecimal feeAmount,
        String currency,
        OrderChannel channel,
        PortalReferences portalReferences,
        OrderStatus status,
        Instant paymentWindowEndsAt,
        Instant createdAt,
        Instant updatedAt,
        boolean riskWarningAcknowledged,
        @Nullable Instant reflectionEndsAt) {

    /** An order without a risk-warning acknowledgement or a reflection period. */
    public Order(
            OrderId orderId,
            PortalId portalId,
            CampaignId campaignId,
            CompanyId companyId,
            InvestorId investorId,
            @Nullable InvestorAccount investorAccount,
            BigDecimal totalAmount,
            BigDecimal orderAmount,
            BigDecimal feeAmount,
            String currency,
            OrderChannel channel,
            PortalReferences portalReferences,
            OrderStatus status,
            Instant paymentWindowEndsAt,
            Instant createdAt,
            Instant updatedAt) {
        this(
                orderId,
                portalId,
                campaignId,
                companyId,
                investorId,
                investorAccount,
                totalAmount,
                orderAmount,
                feeAmount,
                currency,
                channel,
                portalReferences,
                status,
                paymentWindowEndsAt,
                createdAt,
                updatedAt,
                false,
                null);
    }

    /** Amounts in the currency's minor digits however they were given ({@code 1100} EUR is {@code 1100.00}). */
    public Order {
        totalAmount = Amounts.inMinorDigits(totalAmount, currency);
        orderAmount = Amounts.inMinorDigits(orderAmount, currency);
        feeAmount = Amounts.inMinorDigits(feeAmount, currency);
    }

    /** What the investor must pay: {@code totalAmount} in {@code currency}. */
    public Money total() {
        return Money.of(totalAmount, currency);
    }

    /** The company's part of {@link #total()}: {@code orderAmount} in {@code currency}. */
    public Money orderPart() {
        return Money.of(orderAmount, currency);
    }

    /** The portal's part of {@link #total()}: {@code feeAmount} in {@code currency}. */
    public Money fee() {
        return Money.of(feeAmount, currency);
    }

    /** {@code amount} in this order's currency (a part of it, a refund of it). */
    public Money money(BigDecimal amount) {
        return Money.of(amount, currency);
    }

    /** The portal's own codes for the order, echoed back as given. */
    public record PortalReferences(
            @Nullable String description,
            @Nullable String portalOrderCode,
            @Nullable Instant portalOrderDatetime,
            @Nullable String portalInvestorCode,
            @Nullable String portalCompanyCode,
            @Nullable String portalCampaignCode) {}

    /** The order after {@code change} (made by its table), its payment window ending at {@code windowEndsAt}. */
    public Order moved(StatusChange change, Instant windowEndsAt) {
        if (change.previousStatus() != status) {
            throw new IllegalArgumentException(
                    "order " + orderId + " is " + status + ", not " + change.previousStatus());
        }
        return new Order(
                orderId,
                portalId,
                campaignId,
                companyId,
                investorId,
                investorAccount,
                totalAmount,
                orderAmount,
                feeAmount,
                currency,
                channel,
                portalReferences,
                change.status(),
                windowEndsAt,
                createdAt,
                change.at(),
                riskWarningAcknowledged,
                reflectionEndsAt);
    }
}
