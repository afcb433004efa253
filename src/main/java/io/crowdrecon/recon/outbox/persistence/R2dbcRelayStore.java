package io.crowdrecon.recon.outbox.persistence;

import io.crowdrecon.recon.outbox.PublishedData;
import io.crowdrecon.recon.outbox.RelayStore;
import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.platform.persistence.Sql;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

public class R2dbcRelayStore implements RelayStore {

    // The database's clock decides who holds the lease, so that instances' clocks need not agree.
    // In SET, "owner" is the row's value before the update: only a relay that already held the
    // lease may move the cursor. The events read stop at the committed sequence: rows a long transaction (a
    // bank file) has appended lie above it, and are not visited on every claim until it commits.
    private static final String CLAIM =
            """
            WITH lease AS (
                UPDATE relay_lease
                   SET last_seq = CASE WHEN owner = :owner THEN greatest(last_seq, :published) ELSE last_seq END,
                       owner = :owner,
                       lease_until = clock_timestamp() + make_interval(secs => :seconds)
                 WHERE id = 1 AND (owner = :owner OR owner IS NULL OR lease_until < clock_timestamp())
                RETURNING last_seq)
            SELECT lease.last_seq AS cursor, e.seq, e.event_id, e.topic, e.event_key, e.event_type, e.source,
                   e.portal_id, e.order_id, e.campaign_id, e.payload, e.created_at, e.data_content_type, e.data,
                   e.extensions
              FROM lease
              LEFT JOIN LATERAL (SELECT * FROM event_log
                                  WHERE seq > lease.last_seq
                                    AND seq <= (SELECT last_seq FROM event_sequence WHERE id = 1)
                                  ORDER BY seq LIMIT :limit) e
                ON true
             ORDER BY e.seq""";

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    private final DatabaseClient database;
    private final ObjectMapper json;

    public R2dbcRelayStore(DatabaseClient database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<Claim> claim(String owner, Duration lease, long published, int limit) {
        return database.sql(CLAIM)
                .bind("owner", owner)
                .bind("published", published)
                .bind("seconds", (double) lease.toMillis() / 1000)
                .bind("limit", limit)
                .map(row -> new Object[] {row.get("cursor", Long.class), published(row)})
                .all()
                .collectList()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.empty();
                    }
                    List<StoredEvent> events = new ArrayList<>();
                    rows.forEach(row -> {
                        if (row[1] != null) {
                            events.add((StoredEvent) row[1]);
                        }
                    });
                    return Mono.just(new Claim((Long) rows.get(0)[0], events));
                });
    }

    @Override
    public Mono<Void> release(String owner, long published) {
        return database.sql(
                        """
                        UPDATE relay_lease SET last_seq = greatest(last_seq, :published), owner = NULL,
                                               lease_until = '-infinity'
                         WHERE id = 1 AND owner = :owner""")
                .bind("owner", owner)
                .bind("published", published)
                .then();
    }

    /** An event_log row as the relay reads it: with what its record carries instead of the payload, if anything. */
    private @Nullable StoredEvent published(io.r2dbc.spi.Readable row) {
        StoredEvent event = event(row);
        String contentType = row.get("data_content_type", String.class);
        if (event == null || contentType == null) {
            return event;
        }
        String extensions = row.get("extensions", String.class);
        return event.withPublished(new PublishedData(
                contentType,
                row.get("data", byte[].class),
                extensions == null ? Map.of() : json.readValue(extensions, STRINGS)));
    }

    /**
     * An event_log row (its columns up to {@code created_at}) as a stored event, without what only the relay reads;
     * null for the empty side of an outer join.
     */
    public static @Nullable StoredEvent event(io.r2dbc.spi.Readable row) {
        Long seq = row.get("seq", Long.class);
        if (seq == null) {
            return null;
        }
        return new StoredEvent(
                seq,
                row.get("event_id", UUID.class).toString(),
                row.get("topic", String.class),
                row.get("event_key", String.class),
                row.get("event_type", String.class),
                row.get("source", String.class),
                row.get("portal_id", String.class),
                row.get("order_id", String.class),
                row.get("campaign_id", String.class),
                row.get("payload", String.class),
                Sql.instant(row.get("created_at", OffsetDateTime.class)));
    }
}
