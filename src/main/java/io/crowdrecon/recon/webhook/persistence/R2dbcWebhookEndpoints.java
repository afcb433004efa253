package io.crowdrecon.recon.webhook.persistence;

import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import io.crowdrecon.recon.webhook.EndpointStatus;
import io.crowdrecon.recon.webhook.EndpointTrigger;
import io.crowdrecon.recon.webhook.WebhookEndpoint;
import io.crowdrecon.recon.webhook.WebhookEndpoints;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcWebhookEndpoints implements WebhookEndpoints {

    private static final String COLUMNS =
            """
            endpoint_id, portal_id, url, description, event_types, status, disabled_reason, secret, previous_secret,
            previous_secret_until, from_seq, failing_since, created_at, updated_at""";

    private static final String OF_PORTAL = "(:portal::text IS NULL OR portal_id = :portal::text)";

    private final DatabaseClient database;

    public R2dbcWebhookEndpoints(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<WebhookEndpoint> add(WebhookEndpoint endpoint) {
        // from_seq in the insert itself: the endpoint receives what the log appends after its row is written.
        return database.sql(
                        """
                        INSERT INTO webhook_endpoint (endpoint_id, portal_id, url, description, event_types, status,
                               disabled_reason, secret, previous_secret, previous_secret_until, from_seq,
                               failing_since, created_at, updated_at)
                        SELECT :id, :portal, :url, :description, :eventTypes::text[], :status, NULL, :secret, NULL,
                               NULL, coalesce((SELECT last_seq FROM event_sequence WHERE id = 1), 0), NULL,
                               :createdAt, :updatedAt
                        RETURNING\s"""
                                + COLUMNS)
                .bind("id", endpoint.endpointId().value())
                .bind("portal", endpoint.portalId().value())
                .bind("url", endpoint.url())
                .bind("description", Sql.nullable(endpoint.description(), String.class))
                .bind("eventTypes", endpoint.eventTypes().toArray(String[]::new))
                .bind("status", endpoint.status().name())
                .bind("secret", endpoint.secret())
                .bind("createdAt", Objects.requireNonNull(Sql.timestamp(endpoint.createdAt())))
                .bind("updatedAt", Objects.requireNonNull(Sql.timestamp(endpoint.updatedAt())))
                .map(R2dbcWebhookEndpoints::endpoint)
                .one();
    }

    @Override
    public Mono<Long> lockAndCount(PortalId portalId) {
        // A transaction-scoped advisory lock per portal, not a row lock on the portal: registrations of one portal
        // queue behind each other, nothing else does.
        return database.sql("SELECT pg_advisory_xact_lock(hashtextextended('webhook_endpoint:' || :portal, 0))")
                .bind("portal", portalId.value())
                .then()
                .then(database.sql("SELECT count(*) FROM webhook_endpoint WHERE portal_id = :portal")
                        .bind("portal", portalId.value())
                        .map(row -> Objects.requireNonNull(row.get(0, Long.class)))
                        .one());
    }

    @Override
    public Mono<WebhookEndpoint> byId(@Nullable PortalId portalId, WebhookEndpointId endpointId) {
        return select(portalId, endpointId, "");
    }

    @Override
    public Mono<WebhookEndpoint> lockById(@Nullable PortalId portalId, WebhookEndpointId endpointId) {
        return select(portalId, endpointId, " FOR UPDATE");
    }

    private Mono<WebhookEndpoint> select(@Nullable PortalId portalId, WebhookEndpointId endpointId, String lock) {
        return database.sql(
                        "SELECT " + COLUMNS + " FROM webhook_endpoint WHERE endpoint_id = :id AND " + OF_PORTAL + lock)
                .bind("id", endpointId.value())
                .bind("portal", Sql.nullable(portalId == null ? null : portalId.value(), String.class))
                .map(R2dbcWebhookEndpoints::endpoint)
                .one();
    }

    @Override
    public Mono<Page<WebhookEndpoint>> page(@Nullable PortalId portalId, PageRequest page) {
        Mono<Long> total = database.sql("SELECT count(*) FROM webhook_endpoint WHERE " + OF_PORTAL)
                .bind("portal", Sql.nullable(portalId == null ? null : portalId.value(), String.class))
                .map(row -> Objects.requireNonNull(row.get(0, Long.class)))
                .one();
        Mono<List<WebhookEndpoint>> items = database.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE "
                        + OF_PORTAL + " ORDER BY created_at DESC, endpoint_id DESC LIMIT :limit OFFSET :offset")
                .bind("portal", Sql.nullable(portalId == null ? null : portalId.value(), String.class))
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcWebhookEndpoints::endpoint)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    @Override
    public Mono<Void> replace(WebhookEndpoint replaced) {
        return database.sql(
                        """
                        UPDATE webhook_endpoint
                           SET url = :url, description = :description, event_types = :eventTypes::text[],
                               updated_at = :updatedAt
                         WHERE endpoint_id = :id""")
                .bind("url", replaced.url())
                .bind("description", Sql.nullable(replaced.description(), String.class))
                .bind("eventTypes", replaced.eventTypes().toArray(String[]::new))
                .bind("updatedAt", Objects.requireNonNull(Sql.timestamp(replaced.updatedAt())))
                .bind("id", replaced.endpointId().value())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> exactlyOne(updated, replaced.endpointId()));
    }

    @Override
    public Mono<Void> rotate(WebhookEndpoint rotated) {
        return database.sql(
                        """
                        UPDATE webhook_endpoint
                           SET secret = :secret, previous_secret = :previous, previous_secret_until = :until,
                               updated_at = :updatedAt
                         WHERE endpoint_id = :id""")
                .bind("secret", rotated.secret())
                .bind("previous", Sql.nullable(rotated.previousSecret(), String.class))
                .bind("until", Sql.nullableTimestamp(rotated.previousSecretUntil()))
                .bind("updatedAt", Objects.requireNonNull(Sql.timestamp(rotated.updatedAt())))
                .bind("id", rotated.endpointId().value())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> exactlyOne(updated, rotated.endpointId()));
    }

    @Override
    public Mono<Void> move(WebhookEndpoint moved, Transition<EndpointStatus, EndpointTrigger> row) {
        return database.sql(
                        """
                        UPDATE webhook_endpoint
                           SET status = :to, disabled_reason = :reason, failing_since = :failingSince,
                               updated_at = :updatedAt
                         WHERE endpoint_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("from", Sql.names(row.from()))
                .bind("reason", Sql.nullable(moved.disabledReason(), String.class))
                .bind("failingSince", Sql.nullableTimestamp(moved.failingSince()))
                .bind("updatedAt", Objects.requireNonNull(Sql.timestamp(moved.updatedAt())))
                .bind("id", moved.endpointId().value())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("webhook endpoint " + moved.endpointId() + " was not in "
                                + row.from() + " under its lock")));
    }

    @Override
    public Mono<Boolean> delete(PortalId portalId, WebhookEndpointId endpointId) {
        return database.sql("DELETE FROM webhook_endpoint WHERE endpoint_id = :id AND portal_id = :portal")
                .bind("id", endpointId.value())
                .bind("portal", portalId.value())
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0);
    }

    private static Mono<Void> exactlyOne(Long updated, WebhookEndpointId endpointId) {
        return updated == 1
                ? Mono.empty()
                : Mono.error(new IllegalStateException("webhook endpoint " + endpointId + " vanished under its lock"));
    }

    private static WebhookEndpoint endpoint(Readable row) {
        String[] eventTypes = row.get("event_types", String[].class);
        return new WebhookEndpoint(
                WebhookEndpointId.of(Objects.requireNonNull(row.get("endpoint_id", String.class))),
                PortalId.of(Objects.requireNonNull(row.get("portal_id", String.class))),
                Objects.requireNonNull(row.get("url", String.class)),
                row.get("description", String.class),
                eventTypes == null ? List.of() : List.of(eventTypes),
                EndpointStatus.valueOf(row.get("status", String.class)),
                row.get("disabled_reason", String.class),
                Objects.requireNonNull(row.get("secret", String.class)),
                row.get("previous_secret", String.class),
                Sql.instant(row.get("previous_secret_until", OffsetDateTime.class)),
                Objects.requireNonNull(row.get("from_seq", Long.class)),
                Sql.instant(row.get("failing_since", OffsetDateTime.class)),
                Objects.requireNonNull(Sql.instant(row.get("created_at", OffsetDateTime.class))),
                Objects.requireNonNull(Sql.instant(row.get("updated_at", OffsetDateTime.class))));
    }
}
