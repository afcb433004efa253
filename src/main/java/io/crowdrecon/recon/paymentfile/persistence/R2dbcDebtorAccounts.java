package io.crowdrecon.recon.paymentfile.persistence;

import io.crowdrecon.recon.paymentfile.DebtorAccount;
import io.crowdrecon.recon.paymentfile.DebtorAccounts;
import io.crowdrecon.recon.paymentfile.Pain001Version;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The portals' collection accounts, their names and pain.001 versions, from the {@code portal} table. */
public class R2dbcDebtorAccounts implements DebtorAccounts {

    private final DatabaseClient database;

    public R2dbcDebtorAccounts(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Map<PortalId, DebtorAccount>> of(Set<PortalId> portalIds) {
        if (portalIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(
                        """
                        SELECT portal_id, name, collection_iban, payment_file_version FROM portal
                         WHERE portal_id = ANY(:ids::text[])""")
                .bind("ids", portalIds.stream().map(PortalId::value).toArray(String[]::new))
                .map(row -> {
                    PortalId portalId = PortalId.of(Objects.requireNonNull(row.get("portal_id", String.class)));
                    // A collection IBAN that does not parse is no account to debit: the gathering refuses it.
                    Optional<DebtorAccount> account = Iban.tryParse(row.get("collection_iban", String.class))
                            .map(iban -> new DebtorAccount(
                                    iban,
                                    Objects.requireNonNull(row.get("name", String.class)),
                                    Pain001Version.ofLabel(row.get("payment_file_version", String.class))
                                            .orElse(Pain001Version.V09)));
                    return Map.entry(portalId, account);
                })
                .all()
                .filter(entry -> entry.getValue().isPresent())
                .collectMap(Map.Entry::getKey, entry -> entry.getValue().orElseThrow());
    }

    @Override
    public Mono<Pain001Version> setVersion(PortalId portalId, Pain001Version version) {
        return database.sql("UPDATE portal SET payment_file_version = :version WHERE portal_id = :id"
                        + " RETURNING payment_file_version")
                .bind("version", version.label())
                .bind("id", portalId.value())
                .map(row -> Pain001Version.ofLabel(row.get(0, String.class)).orElseThrow())
                .one();
    }
}
