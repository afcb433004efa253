package io.crowdrecon.recon.webhook.persistence;

import io.crowdrecon.recon.outbox.persistence.R2dbcRelayStore;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.IdPrefix;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.WebhookDeliveryId;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import io.crowdrecon.recon.webhook.Deliveries;
import io.crowdrecon.recon.webhook.DeliveryStatus;
import io.crowdrecon.recon.webhook.DeliveryTrigger;
import io.crowdrecon.recon.webhook.EndpointStatus;
import io.crowdrecon.recon.webhook.EndpointTrigger;
import io.crowdrecon.recon.webhook.WebhookEndpoint;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcDeliveries implements Deliveries {

    // One statement per fan-out step. Only the head of an endpoint's line per key is due (next_attempt_at set): the
    // others wait with none, and ending a delivery makes the next of its line due (move), so that a claim reads the
    // heads only, however long the lines are. A head the fan-out did not see end (it ended while this statement ran)
    // leaves its successor without a time: promoteStranded finds it. The lease is the database clock's, as the relay's
    // is. The cursor moves over the next :limit seqs, not past the committed end (event_sequence, as the relay reads):
    // arithmetic, reading no event; seqs have no gaps (an appending transaction holds event_sequence's row, a rollback
    // gives its numbers back), and a gap would only make a step smaller. "was" is the row before the update. The
    // deliveries are made from the events
    // between, joined with the endpoints that asked for their type and were registered before them; an event without
    // a portal (source /ops) joins none. Ids are made here, per row (the correlated ARRAY subquery), in IdGenerator's
    // shape. ON CONFLICT: a step made again after a lost lease is harmless.
    // Cost (FanOutPlanIT): the events are read in seq order with a LIMIT, so that the plan is an index range scan
    // whatever the statistics (joined plainly, the plan cached while event_log was empty read the whole log on every
    // step); with no endpoint registered at all (EXISTS, evaluated once) no event is read; the cursor's move reads
    // none either (it read the next events for their max). Under a bank feed with no endpoint, the step was 7 % of
    // PostgreSQL's active time, the busiest statement on a new database.
    static final String FAN_OUT =
            """
            WITH lease AS (
                UPDATE webhook_lease l
                   SET owner = :owner,
                       lease_until = clock_timestamp() + make_interval(secs => :seconds),
                       last_seq = greatest(l.last_seq, least(l.last_seq + :limit, (SELECT last_seq FROM event_sequence
                                                                                WHERE id = 1)))
                  FROM (SELECT last_seq FROM webhook_lease WHERE id = 1) was
                 WHERE l.id = 1 AND (l.owner = :owner OR l.owner IS NULL OR l.lease_until < clock_timestamp())
                RETURNING was.last_seq AS cursor, l.last_seq AS up_to),
            made AS (
                INSERT INTO webhook_delivery (delivery_id, endpoint_id, portal_id, event_seq, event_id, event_type,
                                              ordering_key, status, attempt_count, next_attempt_at, created_at)
                SELECT :prefix || array_to_string(ARRAY(
                           SELECT substr(:alphabet, 1 + floor(random() * length(:alphabet))::int, 1)
                             FROM generate_series(1, :length)
                            WHERE e.seq IS NOT NULL AND w.endpoint_id IS NOT NULL), ''),
                       w.endpoint_id, e.portal_id, e.seq, e.event_id, e.event_type, e.event_key, 'PENDING', 0,
                       CASE WHEN row_number() OVER (PARTITION BY w.endpoint_id, e.event_key ORDER BY e.seq) = 1
                                 AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                                  WHERE p.endpoint_id = w.endpoint_id
                                                    AND p.ordering_key = e.event_key AND p.status = 'PENDING')
                            THEN :now::timestamptz END,
                       :now
                  FROM lease
                 CROSS JOIN LATERAL (SELECT * FROM event_log
                                      WHERE seq > lease.cursor AND seq <= lease.up_to
                                      ORDER BY seq LIMIT :limit) e
                  JOIN webhook_endpoint w
                    ON w.portal_id = e.portal_id AND e.event_type = ANY (w.event_types) AND w.from_seq < e.seq
                 WHERE EXISTS (SELECT 1 FROM webhook_endpoint)
                ON CONFLICT (endpoint_id, event_seq) DO NOTHING
                RETURNING 1)
            SELECT cursor, up_to, (SELECT count(*) FROM made) AS made FROM lease""";

    // The head of each endpoint's line per key: a delivery waits while an earlier one of its key is PENDING (in
    // flight, waiting for a retry, or its endpoint disabled); the check stays although only heads have a time, since a
    // replay makes an earlier delivery due again. SKIP LOCKED: another claim's rows are left to it.
    private static final String CLAIM =
            """
            WITH due AS (
                SELECT d.delivery_id
                  FROM webhook_delivery d
                  JOIN webhook_endpoint w ON w.endpoint_id = d.endpoint_id
                 WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND w.status = 'ENABLED'
                   AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                    WHERE p.endpoint_id = d.endpoint_id AND p.ordering_key = d.ordering_key
                                      AND p.status = 'PENDING' AND p.event_seq < d.event_seq)
                 ORDER BY d.next_attempt_at, d.event_seq
                 LIMIT :limit
                   FOR UPDATE OF d SKIP LOCKED),
            claimed AS (
                UPDATE webhook_delivery d SET next_attempt_at = :holdUntil
                  FROM due
                 WHERE d.delivery_id = due.delivery_id
                RETURNING d.delivery_id, d.endpoint_id, d.event_seq, d.event_id, d.attempt_count)
            SELECT c.delivery_id, c.event_seq, c.attempt_count,
                   w.endpoint_id AS w_endpoint_id, w.portal_id AS w_portal_id, w.url AS w_url,
                   w.description AS w_description, w.event_types AS w_event_types, w.status AS w_status,
                   w.disabled_reason AS w_disabled_reason, w.secret AS w_secret,
                   w.previous_secret AS w_previous_secret, w.previous_secret_until AS w_previous_secret_until,
                   w.from_seq AS w_from_seq, w.failing_since AS w_failing_since, w.created_at AS w_created_at,
                   w.updated_at AS w_updated_at,
                   e.seq, e.event_id, e.topic, e.event_key, e.event_type, e.source, e.portal_id, e.order_id,
                   e.campaign_id, e.payload, e.created_at
              FROM claimed c
              JOIN webhook_endpoint w ON w.endpoint_id = c.endpoint_id
              LEFT JOIN event_log e ON e.seq = c.event_seq AND e.event_id = c.event_id
             ORDER BY c.event_seq""";

    private final DatabaseClient database;

    public R2dbcDeliveries(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<FanOut> fanOut(String owner, Duration lease, int limit, Instant now) {
        return database.sql(FAN_OUT)
                .bind("owner", owner)
                .bind("seconds", (double) lease.toMillis() / 1000)
                .bind("limit", limit)
                .bind("prefix", IdPrefix.WEBHOOK_DELIVERY.prefix())
                .bind("alphabet", IdPrefix.ALPHABET)
                .bind("length", IdPrefix.LENGTH)
                .bind("now", Sql.timestamp(now))
                .map(row -> new FanOut(
                        row.get("cursor", Long.class), row.get("up_to", Long.class), row.get("made", Long.class)))
                .one();
    }

    @Override
    public Mono<Void> release(String owner) {
        return database.sql(
                        "UPDATE webhook_lease SET owner = NULL, lease_until = '-infinity' WHERE id = 1 AND owner = :owner")
                .bind("owner", owner)
                .then();
    }

    @Override
    public Mono<List<Due>> claimDue(Instant now, Duration hold, int limit) {
        return database.sql(CLAIM)
                .bind("now", Sql.timestamp(now))
                .bind("holdUntil", Sql.timestamp(now.plus(hold)))
                .bind("limit", limit)
                .map(row -> new Due(
                        WebhookDeliveryId.of(row.get("delivery_id", String.class)),
                        endpoint(row, "w_"),
                        row.get("event_seq", Long.class),
                        R2dbcRelayStore.event(row), // null when the event is no longer in the log
                        row.get("attempt_count", Integer.class)))
                .all()
                .collectList();
    }

    @Override
    public Mono<Locked> lock(WebhookDeliveryId deliveryId) {
        return database.sql(
                        """
                        SELECT status, attempt_count, first_attempt_at FROM webhook_delivery
                         WHERE delivery_id = :id FOR NO KEY UPDATE""")
                .bind("id", deliveryId.value())
                .map(row -> new Locked(
                        DeliveryStatus.valueOf(row.get("status", String.class)),
                        row.get("attempt_count", Integer.class),
                        Sql.instant(row.get("first_attempt_at", OffsetDateTime.class))))
                .one();
    }

    @Override
    public Mono<WebhookEndpoint> lockEndpoint(WebhookEndpointId endpointId) {
        // NO KEY UPDATE: the fan-out's inserts (which hold a KEY SHARE lock on the endpoint for their foreign key) go
        // on.
        return database.sql("SELECT * FROM webhook_endpoint WHERE endpoint_id = :id FOR NO KEY UPDATE")
                .bind("id", endpointId.value())
                .map(row -> endpoint(row, ""))
                .one();
    }

    @Override
    public Mono<Void> attempted(
            WebhookDeliveryId deliveryId, int attempt, Attempt made, @Nullable Instant nextAttemptAt) {
        return database.sql(
                        """
                        WITH recorded AS (
                            INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms,
                                                         error)
                            VALUES (:id, :attempt, :at, :code, :latency, :error))
                        UPDATE webhook_delivery
                           SET attempt_count = :attempt,
                               first_attempt_at = coalesce(first_attempt_at, :at),
                               last_status_code = :code,
                               last_error = :error,
                               next_attempt_at = coalesce(:next, next_attempt_at)
                         WHERE delivery_id = :id AND status = 'PENDING'""")
                .bind("id", deliveryId.value())
                .bind("attempt", attempt)
                .bind("at", Sql.timestamp(made.attemptedAt()))
                .bind("code", Sql.nullable(made.statusCode(), Integer.class))
                .bind("latency", (int) Math.min(Integer.MAX_VALUE, made.latencyMs()))
                .bind("error", Sql.nullable(clip(made.error()), String.class))
                .bind("next", Sql.nullableTimestamp(nextAttemptAt))
                .then();
    }

    @Override
    public Mono<Void> move(WebhookDeliveryId deliveryId, Transition<DeliveryStatus, DeliveryTrigger> row, Instant at) {
        if (row.to() == DeliveryStatus.PENDING) {
            throw new IllegalArgumentException("a delivery attempt ends a delivery; it never reopens one");
        }
        // The next delivery of its line becomes due, if it waits without a time (the snapshot still shows the ended
        // one PENDING: it is left out by id).
        return database.sql(
                        """
                        WITH ended AS (
                            UPDATE webhook_delivery SET status = :to, ended_at = :at, next_attempt_at = NULL
                             WHERE delivery_id = :id AND status = ANY(:from::text[])
                            RETURNING delivery_id, endpoint_id, ordering_key),
                        promoted AS (
                            UPDATE webhook_delivery d SET next_attempt_at = :at
                              FROM ended
                             WHERE d.delivery_id = (SELECT n.delivery_id FROM webhook_delivery n
                                                     WHERE n.endpoint_id = ended.endpoint_id
                                                       AND n.ordering_key = ended.ordering_key
                                                       AND n.status = 'PENDING' AND n.delivery_id <> ended.delivery_id
                                                     ORDER BY n.event_seq LIMIT 1)
                               AND d.next_attempt_at IS NULL)
                        SELECT count(*) FROM ended""")
                .bind("to", row.to().name())
                .bind("at", Sql.timestamp(at))
                .bind("id", deliveryId.value())
                .bind("from", Sql.names(row.from()))
                .map(r -> r.get(0, Long.class))
                .one()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException(
                                "delivery " + deliveryId + " was not in " + row.from() + " under its lock")));
    }

    @Override
    public Mono<Long> promoteStranded(Instant now) {
        return database.sql(
                        """
                        UPDATE webhook_delivery d SET next_attempt_at = :now
                         WHERE d.status = 'PENDING' AND d.next_attempt_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                            WHERE p.endpoint_id = d.endpoint_id AND p.ordering_key = d.ordering_key
                                              AND p.status = 'PENDING' AND p.event_seq < d.event_seq)""")
                .bind("now", Sql.timestamp(now))
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Void> failingSince(WebhookEndpointId endpointId, @Nullable Instant since, Instant at) {
        return database.sql("UPDATE webhook_endpoint SET failing_since = :since WHERE endpoint_id = :id")
                .bind("since", Sql.nullableTimestamp(since))
                .bind("id", endpointId.value())
                .then();
    }

    @Override
    public Mono<Boolean> moveEndpoint(
            WebhookEndpointId endpointId, Transition<EndpointStatus, EndpointTrigger> row, String reason, Instant at) {
        return database.sql(
                        """
                        UPDATE webhook_endpoint SET status = :to, disabled_reason = :reason, updated_at = :at
                         WHERE endpoint_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("reason", reason)
                .bind("at", Sql.timestamp(at))
                .bind("id", endpointId.value())
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** Errors are kept short: an exception's text may be long, and it is shown in the API. */
    private static @Nullable String clip(@Nullable String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500) + "…";
    }

    /** An endpoint row whose columns are named with {@code prefix}. */
    static WebhookEndpoint endpoint(Readable row, String prefix) {
        String[] types = row.get(prefix + "event_types", String[].class);
        String previous = row.get(prefix + "previous_secret", String.class);
        return new WebhookEndpoint(
                WebhookEndpointId.of(row.get(prefix + "endpoint_id", String.class)),
                PortalId.of(row.get(prefix + "portal_id", String.class)),
                row.get(prefix + "url", String.class),
                row.get(prefix + "description", String.class),
                types == null ? List.of() : List.of(types),
                EndpointStatus.valueOf(row.get(prefix + "status", String.class)),
                row.get(prefix + "disabled_reason", String.class),
                row.get(prefix + "secret", String.class),
                previous,
                Sql.instant(row.get(prefix + "previous_secret_until", OffsetDateTime.class)),
                row.get(prefix + "from_seq", Long.class),
                Sql.instant(row.get(prefix + "failing_since", OffsetDateTime.class)),
                Sql.instant(row.get(prefix + "created_at", OffsetDateTime.class)),
                Sql.instant(row.get(prefix + "updated_at", OffsetDateTime.class)));
    }
}
