package io.crowdrecon.recon.webhook.persistence;

import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.WebhookDeliveryId;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import io.crowdrecon.recon.webhook.DeliveryLog;
import io.crowdrecon.recon.webhook.DeliveryStatus;
import io.crowdrecon.recon.webhook.DeliveryTrigger;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcDeliveryLog implements DeliveryLog {

    private static final String COLUMNS =
            """
            delivery_id, endpoint_id, event_id, event_type, ordering_key, status, attempt_count, next_attempt_at,
            last_status_code, last_error, created_at, ended_at""";

    private static final String OF_ENDPOINT =
            " WHERE endpoint_id = :endpoint AND (:status::text IS NULL OR status = :status::text)";

    private final DatabaseClient database;

    public R2dbcDeliveryLog(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Page<Delivery>> page(WebhookEndpointId endpointId, @Nullable DeliveryStatus status, PageRequest page) {
        Mono<Long> total = database.sql("SELECT count(*) FROM webhook_delivery" + OF_ENDPOINT)
                .bind("endpoint", endpointId.value())
                .bind("status", Sql.nullable(status == null ? null : status.name(), String.class))
                .map(row -> Objects.requireNonNull(row.get(0, Long.class)))
                .one();
        Mono<List<Delivery>> items = database.sql("SELECT " + COLUMNS + " FROM webhook_delivery" + OF_ENDPOINT
                        + " ORDER BY created_at DESC, delivery_id DESC LIMIT :limit OFFSET :offset")
                .bind("endpoint", endpointId.value())
                .bind("status", Sql.nullable(status == null ? null : status.name(), String.class))
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcDeliveryLog::withoutAttempts)
                .all()
                .collectList()
                .flatMap(this::withAttempts);
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    @Override
    public Mono<Delivery> byId(WebhookEndpointId endpointId, WebhookDeliveryId deliveryId) {
        return select(endpointId, deliveryId, "")
                .flatMap(delivery -> withAttempts(List.of(delivery)))
                .map(list -> list.get(0));
    }

    @Override
    public Mono<Delivery> lockById(WebhookEndpointId endpointId, WebhookDeliveryId deliveryId) {
        return select(endpointId, deliveryId, " FOR UPDATE");
    }

    private Mono<Delivery> select(WebhookEndpointId endpointId, WebhookDeliveryId deliveryId, String lock) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM webhook_delivery WHERE delivery_id = :id AND endpoint_id = :endpoint" + lock)
                .bind("id", deliveryId.value())
                .bind("endpoint", endpointId.value())
                .map(R2dbcDeliveryLog::withoutAttempts)
                .one();
    }

    /** The attempts of a whole page in one query, not one per delivery. */
    private Mono<List<Delivery>> withAttempts(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Mono.just(deliveries);
        }
        String[] ids = deliveries.stream().map(d -> d.deliveryId().value()).toArray(String[]::new);
        return database.sql(
                        """
                        SELECT delivery_id, attempt, attempted_at, status_code, latency_ms, error
                          FROM webhook_attempt WHERE delivery_id = ANY(:ids::text[])
                         ORDER BY delivery_id, attempt""")
                .bind("ids", ids)
                .map(row -> Map.entry(Objects.requireNonNull(row.get("delivery_id", String.class)), attempt(row)))
                .all()
                .collect(HashMap<String, List<Attempt>>::new, (byDelivery, entry) -> byDelivery
                        .computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()))
                .map(byDelivery -> deliveries.stream()
                        .map(d -> withAttempts(
                                d, byDelivery.getOrDefault(d.deliveryId().value(), List.of())))
                        .toList());
    }

    @Override
    public Mono<Boolean> makeDue(WebhookDeliveryId deliveryId, Instant now) {
        return database.sql(
                        "UPDATE webhook_delivery SET next_attempt_at = :now WHERE delivery_id = :id AND status = 'PENDING'")
                .bind("now", Objects.requireNonNull(Sql.timestamp(now)))
                .bind("id", deliveryId.value())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Void> moveReplayed(
            WebhookDeliveryId deliveryId, Transition<DeliveryStatus, DeliveryTrigger> row, Instant now) {
        return database.sql(
                        """
                        UPDATE webhook_delivery
                           SET status = :to, ended_at = NULL, next_attempt_at = :now, first_attempt_at = NULL
                         WHERE delivery_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("from", Sql.names(row.from()))
                .bind("now", Objects.requireNonNull(Sql.timestamp(now)))
                .bind("id", deliveryId.value())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException(
                                "webhook delivery " + deliveryId + " was not in " + row.from() + " under its lock")));
    }

    @Override
    public Mono<Long> restartWindows(WebhookEndpointId endpointId, Instant now) {
        return database.sql(
                        """
                        UPDATE webhook_delivery SET first_attempt_at = NULL, next_attempt_at = :now
                         WHERE endpoint_id = :endpoint AND status = 'PENDING'""")
                .bind("endpoint", endpointId.value())
                .bind("now", Objects.requireNonNull(Sql.timestamp(now)))
                .fetch()
                .rowsUpdated();
    }

    private static Delivery withoutAttempts(Readable row) {
        return new Delivery(
                WebhookDeliveryId.of(Objects.requireNonNull(row.get("delivery_id", String.class))),
                WebhookEndpointId.of(Objects.requireNonNull(row.get("endpoint_id", String.class))),
                Objects.requireNonNull(row.get("event_id", UUID.class)).toString(),
                Objects.requireNonNull(row.get("event_type", String.class)),
                Objects.requireNonNull(row.get("ordering_key", String.class)),
                DeliveryStatus.valueOf(row.get("status", String.class)),
                Objects.requireNonNull(row.get("attempt_count", Integer.class)),
                Sql.instant(row.get("next_attempt_at", OffsetDateTime.class)),
                row.get("last_status_code", Integer.class),
                row.get("last_error", String.class),
                Objects.requireNonNull(Sql.instant(row.get("created_at", OffsetDateTime.class))),
                Sql.instant(row.get("ended_at", OffsetDateTime.class)),
                List.of());
    }

    private static Delivery withAttempts(Delivery d, List<Attempt> attempts) {
        return new Delivery(
                d.deliveryId(),
                d.endpointId(),
                d.eventId(),
                d.eventType(),
                d.subject(),
                d.status(),
                d.attemptCount(),
                d.nextAttemptAt(),
                d.lastStatusCode(),
                d.lastError(),
                d.createdAt(),
                d.endedAt(),
                attempts);
    }

    private static Attempt attempt(Readable row) {
        return new Attempt(
                Objects.requireNonNull(row.get("attempt", Integer.class)),
                Objects.requireNonNull(Sql.instant(row.get("attempted_at", OffsetDateTime.class))),
                row.get("status_code", Integer.class),
                Objects.requireNonNull(row.get("latency_ms", Integer.class)),
                row.get("error", String.class));
    }
}
