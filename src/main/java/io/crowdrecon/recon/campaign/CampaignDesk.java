package io.crowdrecon.recon.campaign;

import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.Validation;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** A portal's campaigns: create, update while CREATED/OPEN, and move along the lifecycle (SPEC.md section 4). */
public class CampaignDesk {

    public static final String REASON_CAMPAIGN_CANCELLED = "CAMPAIGN_CANCELLED";

    private final Campaigns campaigns;
    private final Companies companies;
    private final CampaignOrders orders;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public CampaignDesk(
            Campaigns campaigns,
            Companies companies,
            CampaignOrders orders,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.campaigns = campaigns;
        this.companies = companies;
        this.orders = orders;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates a campaign in CREATED. Errors: VALIDATION_FAILED, UNSUPPORTED_CURRENCY, NOT_FOUND (company). */
    public Mono<Campaign> create(PortalId portalId, String companyId, CampaignTerms terms) {
        return companies
                .ofPortal(portalId, CompanyId.of(companyId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Company", companyId)))
                .flatMap(company -> {
                    Instant now = clock.instant();
                    return campaigns.add(new Campaign(
                            ids.nextCampaignId(),
                            portalId,
                            CompanyId.of(companyId),
                            terms,
                            CampaignStatus.CREATED,
                            now,
                            now));
                });
    }

    /**
     * Replaces the terms of a CREATED or OPEN campaign. The company cannot change. Errors: NOT_FOUND,
     * VALIDATION_FAILED, ILLEGAL_TRANSITION (campaign no longer editable).
     */
    public Mono<Campaign> update(PortalId portalId, String campaignId, String companyId, CampaignTerms terms) {
        return transactions.inTransaction(() -> campaigns
                .lockOfPortal(portalId, CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> {
                    if (companyId != null
                            && !companyId.equals(campaign.companyId().value())) {
                        Validation.start().add("companyId", "cannot change").throwIfInvalid();
                    }
                    if (campaign.status() != CampaignStatus.CREATED && campaign.status() != CampaignStatus.OPEN) {
                        return Mono.error(new DomainException(
                                ErrorCode.ILLEGAL_TRANSITION,
                                "Campaign " + campaignId + " is " + campaign.status()
                                        + "; only CREATED or OPEN campaigns can be updated"));
                    }
                    return campaigns.updateTerms(campaign.withTerms(terms, clock.instant()));
                }));
    }

    public Mono<Campaign> get(PortalId portalId, String campaignId) {
        return campaigns
                .ofPortal(portalId, CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)));
    }

    public Mono<Page<Campaign>> list(PortalId portalId, PageRequest page) {
        return campaigns.page(portalId, page);
    }

    public Mono<Campaign> open(PortalId portalId, String campaignId) {
        return move(portalId, campaignId, CampaignTrigger.OPEN, CampaignStatus.OPEN);
    }

    public Mono<Campaign> close(PortalId portalId, String campaignId) {
        return move(portalId, campaignId, CampaignTrigger.CLOSE, CampaignStatus.CLOSED);
    }

    /**
     * Cancels a campaign none of whose orders is ACCOUNTED; its payable orders become EXPIRED in
     * the same transaction. A campaign with accounted orders ends only by finalization (409).
     */
    public Mono<Campaign> cancel(PortalId portalId, String campaignId) {
        return transactions.inTransaction(() -> campaigns
                .lockOfPortal(portalId, CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> {
                    if (campaign.status() == CampaignStatus.CANCELLED) {
                        return Mono.just(campaign);
                    }
                    CampaignStatus next = CampaignTransitions.next(campaign.status(), CampaignTrigger.CANCEL)
                            .orElse(null);
                    if (next == null) {
                        return Mono.error(DomainException.illegalTransition(
                                "Campaign", campaignId, campaign.status(), CampaignStatus.CANCELLED));
                    }
                    return orders.lockAndCheckAnyAccounted(campaignId).flatMap(anyAccounted -> {
                        if (anyAccounted) {
                            return Mono.error(new DomainException(
                                    ErrorCode.ILLEGAL_TRANSITION,
                                    "Campaign " + campaignId
                                            + " has ACCOUNTED orders; it can end only by finalization"));
                        }
                        Instant now = clock.instant();
                        Transition<CampaignStatus, CampaignTrigger> row =
                                CampaignTransitions.row(campaign, CampaignTrigger.CANCEL);
                        return campaigns
                                .moveStatus(campaign.campaignId(), campaign.status(), row, now)
                                .then(orders.expirePayable(campaignId, REASON_CAMPAIGN_CANCELLED))
                                .thenReturn(campaign.moved(row, now));
                    });
                }));
    }

    private Mono<Campaign> move(PortalId portalId, String campaignId, CampaignTrigger trigger, CampaignStatus target) {
        return transactions.inTransaction(() -> campaigns
                .lockOfPortal(portalId, CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> {
                    if (campaign.status() == target) {
                        return Mono.just(campaign);
                    }
                    if (!CampaignTransitions.allows(campaign.status(), trigger)) {
                        return Mono.error(
                                DomainException.illegalTransition("Campaign", campaignId, campaign.status(), target));
                    }
                    Instant now = clock.instant();
                    Transition<CampaignStatus, CampaignTrigger> row = CampaignTransitions.row(campaign, trigger);
                    return campaigns
                            .moveStatus(campaign.campaignId(), campaign.status(), row, now)
                            .thenReturn(campaign.moved(row, now));
                }));
    }
}
