package io.crowdrecon.recon.portal.persistence;

import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.platform.web.CallerResolver;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.portal.PortalSettings;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcPortals implements Portals, CallerResolver {

    private static final String COLUMNS =
            "portal_id, name, collection_iban, fee_account_iban, created_at, collection_account_holder";
    private static final String SETTINGS =
            "reflection_period_seconds, clearing_business_days, card_clearing_period_seconds";

    private final DatabaseClient database;

    public R2dbcPortals(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Portal> add(Portal portal, byte[] apiKeyHash, String webhookSecret, PortalSettings settings) {
        return database.sql(
                        """
                        INSERT INTO portal (portal_id, name, collection_iban, fee_account_iban, api_key_hash,
                                            webhook_secret, created_at, reflection_period_seconds,
                                            clearing_business_days, card_clearing_period_seconds,
                                            collection_account_holder)
                        VALUES (:id, :name, :collection, :fee, :keyHash, :secret, :createdAt, :reflection,
                                :clearingDays, :cardClearing, :holder)
                        """)
                .bind("id", portal.portalId().value())
                .bind("name", portal.name())
                .bind("collection", portal.collectionIban().value())
                .bind("fee", portal.feeAccountIban().value())
                .bind("keyHash", apiKeyHash)
                .bind("secret", webhookSecret)
                .bind("createdAt", Sql.timestamp(portal.createdAt()))
                .bind("reflection", settings.reflectionPeriod().toSeconds())
                .bind("clearingDays", settings.clearingBusinessDays())
                .bind("cardClearing", settings.cardClearingPeriod().toSeconds())
                .bind("holder", Sql.nullable(portal.collectionAccountHolder(), String.class))
                .then()
                .thenReturn(portal)
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e -> e.getMessage() != null && e.getMessage().contains("portal_collection_iban_unique")
                                ? new DomainException(
                                        ErrorCode.IBAN_IN_USE,
                                        "Collection IBAN " + portal.collectionIban() + " belongs to another portal")
                                : e);
    }

    @Override
    public Mono<Portal> byId(PortalId portalId) {
        return database.sql("SELECT " + COLUMNS + " FROM portal WHERE portal_id = :id")
                .bind("id", portalId.value())
                .map(R2dbcPortals::portal)
                .one();
    }

    @Override
    public Mono<PortalSettings> settings(PortalId portalId) {
        return database.sql("SELECT " + SETTINGS + " FROM portal WHERE portal_id = :id")
                .bind("id", portalId.value())
                .map(R2dbcPortals::settingsOf)
                .one();
    }

    @Override
    public Mono<PortalSettings> replaceSettings(PortalId portalId, PortalSettings settings) {
        return database.sql(
                        """
                        UPDATE portal SET reflection_period_seconds = :reflection,
                                          clearing_business_days = :clearingDays,
                                          card_clearing_period_seconds = :cardClearing
                        WHERE portal_id = :id RETURNING\s"""
                                + SETTINGS)
                .bind("id", portalId.value())
                .bind("reflection", settings.reflectionPeriod().toSeconds())
                .bind("clearingDays", settings.clearingBusinessDays())
                .bind("cardClearing", settings.cardClearingPeriod().toSeconds())
                .map(R2dbcPortals::settingsOf)
                .one();
    }

    @Override
    public Mono<Portal> byCollectionIban(Iban collectionIban) {
        return database.sql("SELECT " + COLUMNS + " FROM portal WHERE collection_iban = :iban")
                .bind("iban", collectionIban.value())
                .map(R2dbcPortals::portal)
                .one();
    }

    @Override
    public Flux<Portal> byCollectionIbans(Collection<String> collectionIbans) {
        if (collectionIbans.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT " + COLUMNS + " FROM portal WHERE collection_iban = ANY(:ibans::text[])")
                .bind(
                        "ibans",
                        collectionIbans.stream()
                                .filter(Objects::nonNull)
                                .distinct()
                                .toArray(String[]::new))
                .map(R2dbcPortals::portal)
                .all();
    }

    @Override
    public Mono<String> webhookSecret(PortalId portalId) {
        return database.sql("SELECT webhook_secret FROM portal WHERE portal_id = :id")
                .bind("id", portalId.value())
                .map(row -> row.get(0, String.class))
                .one();
    }

    @Override
    public Mono<String> portalIdForKeyHash(byte[] keyHash) {
        return database.sql("SELECT portal_id FROM portal WHERE api_key_hash = :hash")
                .bind("hash", keyHash)
                .map(row -> row.get(0, String.class))
                .one();
    }

    private static PortalSettings settingsOf(Readable row) {
        return new PortalSettings(
                Duration.ofSeconds(Objects.requireNonNull(row.get("reflection_period_seconds", Long.class))),
                Objects.requireNonNull(row.get("clearing_business_days", Integer.class)),
                Duration.ofSeconds(Objects.requireNonNull(row.get("card_clearing_period_seconds", Long.class))));
    }

    private static Portal portal(Readable row) {
        return new Portal(
                new PortalId(row.get("portal_id", String.class)),
                row.get("name", String.class),
                new Iban(row.get("collection_iban", String.class)),
                new Iban(row.get("fee_account_iban", String.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                row.get("collection_account_holder", String.class));
    }
}
