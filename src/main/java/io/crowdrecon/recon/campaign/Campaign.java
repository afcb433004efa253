package io.crowdrecon.recon.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fundraising campaign of one company on one portal. Amounts in EUR; {@code targetAmountMax}
 * bounds only the amount executed at a successful finalization, never order creation or matching.
 */
public record Campaign(
        String campaignId,
        String portalId,
        String companyId,
        CampaignTerms terms,
        CampaignStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public Campaign withStatus(CampaignStatus newStatus, Instant at) {
        return new Campaign(campaignId, portalId, companyId, terms, newStatus, createdAt, at);
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

    public String currency() {
        return terms.currency();
    }

    public LocalDate expectedClosingDate() {
        return terms.expectedClosingDate();
    }
}
