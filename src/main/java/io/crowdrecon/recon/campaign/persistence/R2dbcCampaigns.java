package io.crowdrecon.recon.campaign.persistence;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTerms;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.campaign.SuccessFee;
import io.crowdrecon.recon.campaign.TicketRules;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcCampaigns implements Campaigns {

    private static final String COLUMNS =
            """
            campaign_id, portal_id, company_id, name, description, target_amount_min, target_amount_max, currency,
            expected_closing_date, success_fee_fixed, success_fee_percentage, min_ticket, max_ticket, ticket_increment,
            max_per_investor, status, created_at, updated_at""";

    private final DatabaseClient database;

    public R2dbcCampaigns(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Campaign> add(Campaign campaign) {
        CampaignTerms terms = campaign.terms();
        return database.sql(
                        """
                        INSERT INTO campaign (campaign_id, portal_id, company_id, name, description, target_amount_min,
                                              target_amount_max, currency, expected_closing_date, success_fee_fixed,
                                              success_fee_percentage, min_ticket, max_ticket, ticket_increment,
                                              max_per_investor, status, created_at, updated_at)
                        VALUES (:id, :portalId, :companyId, :name, :description, :min, :max, :currency, :closing,
                                :feeFixed, :feePercentage, :minTicket, :maxTicket, :ticketIncrement,
                                :maxPerInvestor, :status, :createdAt, :updatedAt)
                        """)
                .bind("id", campaign.campaignId().value())
                .bind("portalId", campaign.portalId().value())
                .bind("companyId", campaign.companyId().value())
                .bind("name", terms.name())
                .bind("description", Sql.nullable(terms.description(), String.class))
                .bind("min", terms.targetAmountMin())
                .bind("max", terms.targetAmountMax())
                .bind("currency", terms.currency())
                .bind("closing", Sql.nullable(terms.expectedClosingDate(), LocalDate.class))
                .bind("feeFixed", terms.successFee().fixedAmount())
                .bind("feePercentage", terms.successFee().variableAmountPercentage())
                .bind("minTicket", Sql.nullable(terms.ticketRules().minTicket(), BigDecimal.class))
                .bind("maxTicket", Sql.nullable(terms.ticketRules().maxTicket(), BigDecimal.class))
                .bind("ticketIncrement", Sql.nullable(terms.ticketRules().ticketIncrement(), BigDecimal.class))
                .bind("maxPerInvestor", Sql.nullable(terms.ticketRules().maxPerInvestor(), BigDecimal.class))
                .bind("status", campaign.status().name())
                .bind("createdAt", Sql.timestamp(campaign.createdAt()))
                .bind("updatedAt", Sql.timestamp(campaign.updatedAt()))
                .then()
                .thenReturn(campaign);
    }

    @Override
    public Mono<Campaign> ofPortal(PortalId portalId, CampaignId campaignId) {
        return select("WHERE campaign_id = :id AND portal_id = :portalId", portalId, campaignId);
    }

    @Override
    public Mono<Campaign> lockOfPortal(PortalId portalId, CampaignId campaignId) {
        return select("WHERE campaign_id = :id AND portal_id = :portalId FOR UPDATE", portalId, campaignId);
    }

    @Override
    public Mono<Campaign> shareLockOfPortal(PortalId portalId, CampaignId campaignId) {
        return select("WHERE campaign_id = :id AND portal_id = :portalId FOR SHARE", portalId, campaignId);
    }

    @Override
    public Mono<Campaign> byId(CampaignId campaignId) {
        return database.sql("SELECT " + COLUMNS + " FROM campaign WHERE campaign_id = :id")
                .bind("id", campaignId.value())
                .map(R2dbcCampaigns::campaign)
                .one();
    }

    private Mono<Campaign> select(String where, PortalId portalId, CampaignId campaignId) {
        return database.sql("SELECT " + COLUMNS + " FROM campaign " + where)
                .bind("id", campaignId.value())
                .bind("portalId", portalId.value())
                .map(R2dbcCampaigns::campaign)
                .one();
    }

    @Override
    public Mono<Page<Campaign>> page(PortalId portalId, PageRequest request) {
        Mono<Long> total = database.sql("SELECT count(*) FROM campaign WHERE portal_id = :portalId")
                .bind("portalId", portalId.value())
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<java.util.List<Campaign>> items = database.sql(
                        "SELECT " + COLUMNS
                                + """
                         FROM campaign WHERE portal_id = :portalId
                        ORDER BY created_at DESC, campaign_id DESC LIMIT :limit OFFSET :offset""")
                .bind("portalId", portalId.value())
                .bind("limit", request.size())
                .bind("offset", request.offset())
                .map(R2dbcCampaigns::campaign)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, request.page(), request.size(), count));
    }

    @Override
    public Mono<Campaign> updateTerms(Campaign campaign) {
        CampaignTerms terms = campaign.terms();
        return database.sql(
                        """
                        UPDATE campaign SET name = :name, description = :description, target_amount_min = :min,
                               target_amount_max = :max, currency = :currency, expected_closing_date = :closing,
                               success_fee_fixed = :feeFixed, success_fee_percentage = :feePercentage,
                               min_ticket = :minTicket, max_ticket = :maxTicket, ticket_increment = :ticketIncrement,
                               max_per_investor = :maxPerInvestor, updated_at = :updatedAt
                         WHERE campaign_id = :id
                        """)
                .bind("id", campaign.campaignId().value())
                .bind("name", terms.name())
                .bind("description", Sql.nullable(terms.description(), String.class))
                .bind("min", terms.targetAmountMin())
                .bind("max", terms.targetAmountMax())
                .bind("currency", terms.currency())
                .bind("closing", Sql.nullable(terms.expectedClosingDate(), LocalDate.class))
                .bind("feeFixed", terms.successFee().fixedAmount())
                .bind("feePercentage", terms.successFee().variableAmountPercentage())
                .bind("minTicket", Sql.nullable(terms.ticketRules().minTicket(), BigDecimal.class))
                .bind("maxTicket", Sql.nullable(terms.ticketRules().maxTicket(), BigDecimal.class))
                .bind("ticketIncrement", Sql.nullable(terms.ticketRules().ticketIncrement(), BigDecimal.class))
                .bind("maxPerInvestor", Sql.nullable(terms.ticketRules().maxPerInvestor(), BigDecimal.class))
                .bind("updatedAt", Sql.timestamp(campaign.updatedAt()))
                .then()
                .thenReturn(campaign);
    }

    @Override
    public Mono<Boolean> moveStatus(
            CampaignId campaignId,
            CampaignStatus expected,
            Transition<CampaignStatus, CampaignTrigger> row,
            Instant at) {
        return database.sql(
                        """
                        UPDATE campaign SET status = :to, updated_at = :at
                         WHERE campaign_id = :id AND status = :expected AND status = ANY(:from::text[])
                        """)
                .bind("to", row.to().name())
                .bind("from", row.from().stream().map(Enum::name).toArray(String[]::new))
                .bind("at", Sql.timestamp(at))
                .bind("id", campaignId.value())
                .bind("expected", expected.name())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static Campaign campaign(Readable row) {
        return new Campaign(
                new CampaignId(row.get("campaign_id", String.class)),
                new PortalId(row.get("portal_id", String.class)),
                new CompanyId(row.get("company_id", String.class)),
                new CampaignTerms(
                        row.get("name", String.class),
                        row.get("description", String.class),
                        row.get("target_amount_min", BigDecimal.class),
                        row.get("target_amount_max", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("expected_closing_date", LocalDate.class),
                        new SuccessFee(
                                row.get("success_fee_fixed", BigDecimal.class),
                                row.get("success_fee_percentage", BigDecimal.class)
                                        .stripTrailingZeros()),
                        new TicketRules(
                                row.get("min_ticket", BigDecimal.class),
                                row.get("max_ticket", BigDecimal.class),
                                row.get("ticket_increment", BigDecimal.class),
                                row.get("max_per_investor", BigDecimal.class))),
                CampaignStatus.valueOf(row.get("status", String.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("updated_at", OffsetDateTime.class)));
    }
}
