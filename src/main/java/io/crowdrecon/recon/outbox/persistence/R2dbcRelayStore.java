package io.crowdrecon.recon.outbox.persistence;

import io.crowdrecon.recon.outbox.RelayStore;
import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.platform.persistence.Sql;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcRelayStore implements RelayStore {

    private final DatabaseClient database;

    public R2dbcRelayStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Long> claim(String owner, Duration lease) {
        // The database's clock decides who holds the lease, so that instances' clocks need not agree.
        return database.sql(
                        """
                        UPDATE relay_lease
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :seconds)
                         WHERE id = 1 AND (owner = :owner OR owner IS NULL OR lease_until < clock_timestamp())
                        RETURNING last_seq""")
                .bind("owner", owner)
                .bind("seconds", (double) lease.toMillis() / 1000)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    @Override
    public Mono<List<StoredEvent>> after(long seq, int limit) {
        return database.sql(
                        """
                        SELECT seq, event_id, topic, event_key, event_type, source, portal_id, order_id, campaign_id,
                               payload, created_at
                          FROM event_log WHERE seq > :seq ORDER BY seq LIMIT :limit""")
                .bind("seq", seq)
                .bind("limit", limit)
                .map(row -> new StoredEvent(
                        row.get("seq", Long.class),
                        row.get("event_id", UUID.class).toString(),
                        row.get("topic", String.class),
                        row.get("event_key", String.class),
                        row.get("event_type", String.class),
                        row.get("source", String.class),
                        row.get("portal_id", String.class),
                        row.get("order_id", String.class),
                        row.get("campaign_id", String.class),
                        row.get("payload", String.class),
                        Sql.instant(row.get("created_at", OffsetDateTime.class))))
                .all()
                .collectList();
    }

    @Override
    public Mono<Boolean> advance(String owner, long seq) {
        return database.sql(
                        """
                        UPDATE relay_lease SET last_seq = :seq
                         WHERE id = 1 AND owner = :owner AND last_seq < :seq""")
                .bind("seq", seq)
                .bind("owner", owner)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Void> release(String owner) {
        return database.sql(
                        "UPDATE relay_lease SET owner = NULL, lease_until = '-infinity' WHERE id = 1 AND owner = :owner")
                .bind("owner", owner)
                .then();
    }
}
