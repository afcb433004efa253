package io.crowdrecon.recon.order;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A portal's request to create an order, as received; {@link #validate()} checks every field (SPEC.md sections 3, 7). */
public record PlaceOrder(
        String investorId,
        String companyId,
        String campaignId,
        @Nullable AccountFields investorAccount,
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
        @Nullable Boolean riskWarningAcknowledged) {

    /** A request that does not acknowledge the risk warning. */
    public PlaceOrder(
            String investorId,
            String companyId,
            String campaignId,
            @Nullable AccountFields investorAccount,
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
        this(
                investorId,
                companyId,
                campaignId,
                investorAccount,
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
                null);
    }

    /** Whether the request says the investor acknowledged the risk warning; omitted means no. */
    public boolean acknowledgesRiskWarning() {
        return Boolean.TRUE.equals(riskWarningAcknowledged);
    }

    public record AccountFields(
            @Nullable String iban,
            @Nullable String holderName,
            @Nullable String holderSurname,
            @Nullable String holderBusinessName) {}

    /** The validated parts of the request. */
    public record Valid(
            @Nullable InvestorAccount investorAccount,
            BigDecimal totalAmount,
            BigDecimal orderAmount,
            BigDecimal feeAmount,
            String currency,
            OrderChannel channel,
            Order.PortalReferences references) {}

    /**
     * Errors with VALIDATION_FAILED listing every bad field, or UNSUPPORTED_CURRENCY for a real
     * currency other than EUR.
     */
    public Valid validate() {
        Validation v = Validation.start();
        v.text("investorId", investorId, true);
        v.text("companyId", companyId, true);
        v.text("campaignId", campaignId, true);
        OrderChannel validChannel = v.oneOf("channel", OrderChannel.canonicalName(channel), OrderChannel.class, true);
        InvestorAccount account = account(v, validChannel);
        BigDecimal total = v.positiveAmount("totalAmount", totalAmount, true);
        BigDecimal order = v.positiveAmount("orderAmount", orderAmount, true);
        BigDecimal fee = v.nonNegativeAmount("feeAmount", feeAmount, true);
        if (total != null && order != null && fee != null && total.compareTo(order.add(fee)) != 0) {
            v.add("totalAmount", "must equal orderAmount + feeAmount");
        }
        String validCurrency = v.required("currency", currency);
        if (validCurrency != null && !Amounts.isKnownCurrency(validCurrency)) {
            v.add("currency", "must be an ISO 4217 currency code");
            validCurrency = null;
        }
        Order.PortalReferences references = new Order.PortalReferences(
                v.text("description", description, false),
                v.text("portalOrderCode", portalOrderCode, false),
                portalOrderDatetime,
                v.text("portalInvestorCode", portalInvestorCode, false),
                v.text("portalCompanyCode", portalCompanyCode, false),
                v.text("portalCampaignCode", portalCampaignCode, false));
        v.throwIfInvalid();
        if (validCurrency == null || !"EUR".equals(validCurrency)) {
            throw new DomainException(ErrorCode.UNSUPPORTED_CURRENCY, "Orders are in EUR only, not " + validCurrency);
        }
        return new Valid(
                account,
                v.checked(total),
                v.checked(order),
                v.checked(fee),
                validCurrency,
                v.checked(validChannel),
                references);
    }

    private @Nullable InvestorAccount account(Validation v, @Nullable OrderChannel validChannel) {
        if (investorAccount == null) {
            if (validChannel == OrderChannel.MONEY_TRANSFER) {
                v.add("investorAccount", "is required for MONEY_TRANSFER orders");
            }
            return null;
        }
        boolean bankTransfer = validChannel == OrderChannel.MONEY_TRANSFER;
        Iban iban = v.iban("investorAccount.iban", investorAccount.iban(), bankTransfer);
        String name = v.text("investorAccount.holderName", investorAccount.holderName(), false);
        String surname = v.text("investorAccount.holderSurname", investorAccount.holderSurname(), false);
        String business = v.text("investorAccount.holderBusinessName", investorAccount.holderBusinessName(), false);
        if (bankTransfer && business == null && (name == null || surname == null)) {
            v.add("investorAccount", "needs holderName and holderSurname, or holderBusinessName");
        }
        return new InvestorAccount(iban, name, surname, business);
    }
}
