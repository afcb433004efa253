package io.crowdrecon.recon.stream.persistence;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.outbox.persistence.R2dbcRelayStore;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.stream.EventFilter;
import io.crowdrecon.recon.stream.EventHistory;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcEventHistory implements EventHistory {

    private final DatabaseClient database;

    public R2dbcEventHistory(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<List<StoredEvent>> after(long seq, EventFilter filter, int limit) {
        EventLogQuery query = EventLogQuery.after(seq, filter, limit);
        DatabaseClient.GenericExecuteSpec statement = database.sql(query.sql());
        for (int i = 0; i < query.parameters().size(); i++) {
            statement = statement.bind(i, query.parameters().get(i));
        }
        return statement.map(R2dbcRelayStore::event).all().collectList();
    }

    @Override
    public Mono<Long> lastSeq() {
        return database.sql("SELECT last_seq FROM event_sequence WHERE id = 1")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    @Override
    public Mono<Long> firstKeptSeq() {
        return database.sql("SELECT min(seq) FROM event_log")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    // Kept: what the Kafka relay has not published, what the webhook fan-out has not turned into deliveries, and the
    // events of PENDING deliveries (a receiver down for days still gets them).
    @Override
    public Mono<Long> forgetOlderThan(Instant cutoff) {
        return database.sql(
                        """
                        DELETE FROM event_log
                         WHERE created_at < :cutoff AND seq <= (SELECT last_seq FROM relay_lease WHERE id = 1)
                           AND seq <= (SELECT last_seq FROM webhook_lease WHERE id = 1)
                           AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                                            WHERE d.status = 'PENDING' AND d.event_seq = event_log.seq)""")
                .bind("cutoff", Sql.timestamp(cutoff))
                .fetch()
                .rowsUpdated();
    }
}
