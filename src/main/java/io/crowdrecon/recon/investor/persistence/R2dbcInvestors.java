package io.crowdrecon.recon.investor.persistence;

import io.crowdrecon.recon.investor.Investor;
import io.crowdrecon.recon.investor.InvestorClassification;
import io.crowdrecon.recon.investor.InvestorProfile;
import io.crowdrecon.recon.investor.InvestorType;
import io.crowdrecon.recon.investor.Investors;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

public class R2dbcInvestors implements Investors {

    private static final String COLUMNS =
            """
            investor_id, portal_id, type, name, surname, business_name, fiscal_code, address, postal_code, city,
            country, email, phone, classification, net_worth, created_at, updated_at""";

    private final DatabaseClient database;

    public R2dbcInvestors(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Investor> add(Investor investor) {
        GenericExecuteSpec insert = database.sql(
                        """
                        INSERT INTO investor (investor_id, portal_id, type, name, surname, business_name, fiscal_code,
                                              address, postal_code, city, country, email, phone, classification,
                                              net_worth, created_at, updated_at)
                        VALUES (:id, :portalId, :type, :name, :surname, :businessName, :fiscalCode,
                                :address, :postalCode, :city, :country, :email, :phone, :classification,
                                :netWorth, :createdAt, :updatedAt)
                        """)
                .bind("id", investor.investorId().value())
                .bind("portalId", investor.portalId().value())
                .bind("createdAt", Sql.timestamp(investor.createdAt()))
                .bind("updatedAt", Sql.timestamp(investor.updatedAt()));
        return bindProfile(insert, investor.profile()).then().thenReturn(investor);
    }

    @Override
    public Mono<Investor> replaceProfile(
            PortalId portalId, InvestorId investorId, InvestorProfile profile, Instant updatedAt) {
        GenericExecuteSpec update = database.sql(
                        """
                        UPDATE investor
                           SET type = :type, name = :name, surname = :surname, business_name = :businessName,
                               fiscal_code = :fiscalCode, address = :address, postal_code = :postalCode,
                               city = :city, country = :country, email = :email, phone = :phone,
                               classification = :classification, net_worth = :netWorth, updated_at = :updatedAt
                         WHERE investor_id = :id AND portal_id = :portalId
                        RETURNING\s"""
                                + COLUMNS)
                .bind("id", investorId.value())
                .bind("portalId", portalId.value())
                .bind("updatedAt", Sql.timestamp(updatedAt));
        return bindProfile(update, profile).map(R2dbcInvestors::investor).one();
    }

    @Override
    public Mono<Investor> ofPortal(PortalId portalId, InvestorId investorId) {
        return database.sql("SELECT " + COLUMNS + " FROM investor WHERE investor_id = :id AND portal_id = :portalId")
                .bind("id", investorId.value())
                .bind("portalId", portalId.value())
                .map(R2dbcInvestors::investor)
                .one();
    }

    @Override
    public Mono<Investor> lockOfPortal(PortalId portalId, InvestorId investorId) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM investor WHERE investor_id = :id AND portal_id = :portalId FOR UPDATE")
                .bind("id", investorId.value())
                .bind("portalId", portalId.value())
                .map(R2dbcInvestors::investor)
                .one();
    }

    @Override
    public Mono<Page<Investor>> ofCampaign(PortalId portalId, CampaignId campaignId, PageRequest page) {
        // An investor's orders are in the order table: the campaign's investors are read from there, newest order
        // first, and joined to the investor rows of the portal.
        Mono<Long> total = database.sql(
                        """
                        SELECT count(DISTINCT o.investor_id) FROM purchase_order o
                         JOIN investor i ON i.investor_id = o.investor_id AND i.portal_id = :portalId
                         WHERE o.campaign_id = :campaignId""")
                .bind("portalId", portalId.value())
                .bind("campaignId", campaignId.value())
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<Investor>> items = database.sql(
                        "SELECT " + COLUMNS + " "
                                + """
                         FROM investor JOIN (
                          SELECT investor_id, max(created_at) AS last_order_at FROM purchase_order
                           WHERE campaign_id = :campaignId GROUP BY investor_id) AS ordered USING (investor_id)
                         WHERE portal_id = :portalId
                         ORDER BY last_order_at DESC, investor_id DESC
                         LIMIT :limit OFFSET :offset""")
                .bind("campaignId", campaignId.value())
                .bind("portalId", portalId.value())
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcInvestors::investor)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    private static GenericExecuteSpec bindProfile(GenericExecuteSpec statement, InvestorProfile profile) {
        return statement
                .bind("type", profile.type().name())
                .bind("name", Sql.nullable(profile.name(), String.class))
                .bind("surname", Sql.nullable(profile.surname(), String.class))
                .bind("businessName", Sql.nullable(profile.businessName(), String.class))
                .bind("fiscalCode", Sql.nullable(profile.fiscalCode(), String.class))
                .bind("address", Sql.nullable(profile.address(), String.class))
                .bind("postalCode", Sql.nullable(profile.postalCode(), String.class))
                .bind("city", Sql.nullable(profile.city(), String.class))
                .bind("country", Sql.nullable(profile.country(), String.class))
                .bind("email", Sql.nullable(profile.email(), String.class))
                .bind("phone", Sql.nullable(profile.phone(), String.class))
                .bind("classification", profile.classification().name())
                .bind("netWorth", Sql.nullable(profile.netWorth(), BigDecimal.class));
    }

    private static Investor investor(Readable row) {
        InvestorProfile profile = new InvestorProfile(
                InvestorType.valueOf(row.get("type", String.class)),
                row.get("name", String.class),
                row.get("surname", String.class),
                row.get("business_name", String.class),
                row.get("fiscal_code", String.class),
                row.get("address", String.class),
                row.get("postal_code", String.class),
                row.get("city", String.class),
                row.get("country", String.class),
                row.get("email", String.class),
                row.get("phone", String.class),
                InvestorClassification.valueOf(row.get("classification", String.class)),
                row.get("net_worth", BigDecimal.class));
        return new Investor(
                new InvestorId(row.get("investor_id", String.class)),
                new PortalId(row.get("portal_id", String.class)),
                profile,
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("updated_at", OffsetDateTime.class)));
    }
}
