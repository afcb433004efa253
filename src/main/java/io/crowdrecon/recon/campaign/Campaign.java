package io.crowdrecon.recon.campaign;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fundraising campaign of one company on one portal. Amounts in EUR; {@code targetAmountMax}
 * bounds only the amount executed at a successful finalization, never order creation or matching.
 */
public record Campaign(
        CampaignId campaignId,
        PortalId portalId,
        CompanyId companyId,
        CampaignTerms terms,
        CampaignStatus status,
        Instant createdAt,
        Instant updatedAt) {

    /** The campaign after the move of {@code row}, a row of {@link CampaignTransitions}. */
    public Campaign moved(Transition<CampaignStatus, CampaignTrigger> row, Instant at) {
        if (!row.from().contains(status)) {
            throw new IllegalArgumentException("campaign " + campaignId + " is " + status + ", not in " + row.from());
        }
        return new Campaign(campaignId, portalId, companyId, terms, row.to(), createdAt, at);
    }

    public Campaign withTerms(CampaignTerms newTerms, Instant at) {
        return new Campaign(campaignId, portalId, companyId, newTerms, status, createdAt, at);
    }

    public BigDecimal targetAmountMin() {
        return terms.targetAmountMin();
    }

    public BigDecimal targetAmountMax() {
        return terms.targetAmountMax();
    }

    /** {@link #targetAmountMin()} in the campaign's currency. */
    public Money targetMin() {
        return Money.of(terms.targetAmountMin(), terms.currency());
    }

    /** {@link #targetAmountMax()} in the campaign's currency. */
    public Money targetMax() {
        return Money.of(terms.targetAmountMax(), terms.currency());
    }

    /** The limits on this campaign's orders' {@code orderAmount}. */
    public TicketRules ticketRules() {
        return terms.ticketRules();
    }

    public String currency() {
        return terms.currency();
    }

    public LocalDate expectedClosingDate() {
        return terms.expectedClosingDate();
    }
}
