package io.crowdrecon.recon.campaign;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a portal says about a campaign when creating or updating it; validated on construction through {@link #validate}. */
public record CampaignTerms(
        String name,
        @Nullable String description,
        BigDecimal targetAmountMin,
        BigDecimal targetAmountMax,
        String currency,
        LocalDate expectedClosingDate,
        SuccessFee successFee,
        TicketRules ticketRules) {

    public static final String EUR = "EUR";
    static final int MAX_DESCRIPTION = 4096;
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /** Terms without ticket rules. */
    public CampaignTerms(
            String name,
            @Nullable String description,
            BigDecimal targetAmountMin,
            BigDecimal targetAmountMax,
            String currency,
            LocalDate expectedClosingDate,
            SuccessFee successFee) {
        this(
                name,
                description,
                targetAmountMin,
                targetAmountMax,
                currency,
                expectedClosingDate,
                successFee,
                TicketRules.NONE);
    }

    /** Targets and the success fee's fixed amount in the currency's minor digits, however they were given. */
    public CampaignTerms {
        targetAmountMin = Amounts.inMinorDigits(targetAmountMin, currency);
        targetAmountMax = Amounts.inMinorDigits(targetAmountMax, currency);
        if (successFee != null) {
            successFee = new SuccessFee(
                    Amounts.inMinorDigits(successFee.fixedAmount(), currency), successFee.variableAmountPercentage());
        }
    }

    /**
     * Validates every field and answers the terms. Errors with VALIDATION_FAILED listing every bad
     * field, or UNSUPPORTED_CURRENCY for a real currency other than EUR. {@code expectedClosingDate}
     * may be {@code today} (the service clock's date) or later, never earlier.
     */
    public static CampaignTerms validate(
            Validation v,
            LocalDate today,
            @Nullable String name,
            @Nullable String description,
            @Nullable BigDecimal targetAmountMin,
            @Nullable BigDecimal targetAmountMax,
            @Nullable String currency,
            @Nullable LocalDate expectedClosingDate,
            @Nullable BigDecimal feeFixedAmount,
            @Nullable BigDecimal feeVariablePercentage) {
        return validate(
                v,
                today,
                name,
                description,
                targetAmountMin,
                targetAmountMax,
                currency,
                expectedClosingDate,
                feeFixedAmount,
                feeVariablePercentage,
                null,
                null,
                null,
                null);
    }

    /** {@link #validate} with the campaign's {@link TicketRules}, each optional. */
    public static CampaignTerms validate(
            Validation v,
            LocalDate today,
            @Nullable String name,
            @Nullable String description,
            @Nullable BigDecimal targetAmountMin,
            @Nullable BigDecimal targetAmountMax,
            @Nullable String currency,
            @Nullable LocalDate expectedClosingDate,
            @Nullable BigDecimal feeFixedAmount,
            @Nullable BigDecimal feeVariablePercentage,
            @Nullable BigDecimal minTicket,
            @Nullable BigDecimal maxTicket,
            @Nullable BigDecimal ticketIncrement,
            @Nullable BigDecimal maxPerInvestor) {
        String validName = v.text("name", name, true);
        String validDescription = v.text("description", description, false, MAX_DESCRIPTION);
        BigDecimal min = v.positiveAmount("targetAmountMin", targetAmountMin, true);
        BigDecimal max = v.positiveAmount("targetAmountMax", targetAmountMax, true);
        if (min != null && max != null && min.compareTo(max) > 0) {
            v.add("targetAmountMax", "must not be less than targetAmountMin");
        }
        String validCurrency = v.required("currency", currency);
        if (validCurrency != null && !Amounts.isKnownCurrency(validCurrency)) {
            v.add("currency", "must be an ISO 4217 currency code");
            validCurrency = null;
        }
        LocalDate closingDate = v.required("expectedClosingDate", expectedClosingDate);
        if (closingDate != null && closingDate.isBefore(today)) {
            v.add("expectedClosingDate", "must be today (" + today + ") or later");
        }
        BigDecimal fixed = feeFixedAmount == null
                ? BigDecimal.ZERO
                : v.nonNegativeAmount("portalSuccessFee.fixedAmount", feeFixedAmount, false);
        BigDecimal percentage = feeVariablePercentage == null ? BigDecimal.ZERO : feeVariablePercentage;
        if (percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0 || Amounts.precision(percentage) > 4) {
            v.add("portalSuccessFee.variableAmountPercentage", "must be between 0 and 100 with at most 4 decimals");
        }
        TicketRules ticketRules = TicketRules.validate(v, minTicket, maxTicket, ticketIncrement, maxPerInvestor);
        v.throwIfInvalid();
        if (validCurrency == null || !EUR.equals(validCurrency)) {
            throw new DomainException(
                    ErrorCode.UNSUPPORTED_CURRENCY, "Campaigns are in EUR only, not " + validCurrency);
        }
        return new CampaignTerms(
                v.checked(validName),
                validDescription,
                v.checked(min),
                v.checked(max),
                validCurrency,
                v.checked(closingDate),
                new SuccessFee(v.checked(fixed), percentage),
                ticketRules);
    }
}
