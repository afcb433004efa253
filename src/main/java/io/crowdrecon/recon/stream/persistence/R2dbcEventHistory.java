package io.crowdrecon.recon.stream.persistence;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.outbox.persistence.R2dbcRelayStore;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.stream.EventHistory;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcEventHistory implements EventHistory {

    private final DatabaseClient database;
    private final R2dbcRelayStore log;

    public R2dbcEventHistory(DatabaseClient database) {
        this.database = database;
        this.log = new R2dbcRelayStore(database);
    }

    @Override
    public Mono<List<StoredEvent>> after(long seq, int limit) {
        return log.after(seq, limit);
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

    @Override
    public Mono<Long> forgetOlderThan(Instant cutoff) {
        return database.sql(
                        """
                        DELETE FROM event_log
                         WHERE created_at < :cutoff AND seq <= (SELECT last_seq FROM relay_lease WHERE id = 1)""")
                .bind("cutoff", Sql.timestamp(cutoff))
                .fetch()
                .rowsUpdated();
    }
}
