package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The read use cases: an investor's statement and a campaign's ledger, scoped to the calling portal. */
public class Statements {

    /** An open end of the period: far enough that no order falls outside it. */
    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private final StatementFacts facts;

    public Statements(StatementFacts facts) {
        this.facts = facts;
    }

    /**
     * The statement of the portal's investor for the orders created from {@code from} to {@code to} (whole UTC days,
     * {@code from} included and {@code to} not, as the exports count a period; either open). Errors with
     * INVALID_PARAMETER when {@code from} is not before {@code to}, NOT_FOUND when the investor is not the portal's.
     */
    public Mono<InvestorStatement> statement(
            PortalId portalId, InvestorId investorId, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (from != null && to != null && !from.isBefore(to)) {
            return Mono.error(new DomainException(
                    ErrorCode.INVALID_PARAMETER,
                    "from must be before to (to is exclusive): from " + from + ", to " + to));
        }
        Instant since =
                from == null ? BEGINNING : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = to == null ? END : to.atStartOfDay(ZoneOffset.UTC).toInstant();
        return facts.ofInvestor(portalId, investorId, since, until)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Investor", investorId.value())))
                .map(loaded -> StatementBuilder.build(investorId, from, to, loaded));
    }

    /** An investor's statement for ops, whichever portal it belongs to; NOT_FOUND when there is no such investor. */
    public Mono<InvestorStatement> statementForOps(
            InvestorId investorId, @Nullable LocalDate from, @Nullable LocalDate to) {
        return facts.portalOfInvestor(investorId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Investor", investorId.value())))
                .flatMap(portal -> statement(portal, investorId, from, to));
    }

    /** A campaign's ledger for ops, whichever portal it belongs to; NOT_FOUND when there is no such campaign. */
    public Mono<CampaignLedger> ledgerForOps(CampaignId campaignId) {
        return facts.portalOfCampaign(campaignId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId.value())))
                .flatMap(portal -> ledger(portal, campaignId));
    }

    /** The ledger of the portal's campaign. Errors with NOT_FOUND when the campaign is not the portal's. */
    public Mono<CampaignLedger> ledger(PortalId portalId, CampaignId campaignId) {
        return facts.ofCampaign(portalId, campaignId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId.value())))
                .map(loaded -> LedgerBuilder.build(campaignId, loaded.currency(), loaded.facts()));
    }
}
