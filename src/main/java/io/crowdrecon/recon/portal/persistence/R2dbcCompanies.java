package io.crowdrecon.recon.portal.persistence;

import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.portal.Company;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcCompanies implements Companies {

    private static final String COLUMNS = "company_id, portal_id, name, fiscal_code, iban, created_at";

    private final DatabaseClient database;

    public R2dbcCompanies(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Company> add(Company company) {
        return database.sql(
                        """
                        INSERT INTO company (company_id, portal_id, name, fiscal_code, iban, created_at)
                        VALUES (:id, :portalId, :name, :fiscalCode, :iban, :createdAt)
                        """)
                .bind("id", company.companyId().value())
                .bind("portalId", company.portalId().value())
                .bind("name", company.name())
                .bind("fiscalCode", company.fiscalCode())
                .bind("iban", company.iban().value())
                .bind("createdAt", Sql.timestamp(company.createdAt()))
                .then()
                .thenReturn(company);
    }

    @Override
    public Mono<Company> ofPortal(PortalId portalId, CompanyId companyId) {
        return database.sql("SELECT " + COLUMNS + " FROM company WHERE company_id = :id AND portal_id = :portalId")
                .bind("id", companyId.value())
                .bind("portalId", portalId.value())
                .map(R2dbcCompanies::company)
                .one();
    }

    @Override
    public Mono<Company> byId(CompanyId companyId) {
        return database.sql("SELECT " + COLUMNS + " FROM company WHERE company_id = :id")
                .bind("id", companyId.value())
                .map(R2dbcCompanies::company)
                .one();
    }

    private static Company company(Readable row) {
        return new Company(
                new CompanyId(row.get("company_id", String.class)),
                new PortalId(row.get("portal_id", String.class)),
                row.get("name", String.class),
                row.get("fiscal_code", String.class),
                new Iban(row.get("iban", String.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)));
    }
}
