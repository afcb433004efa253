package io.crowdrecon.recon.operator.persistence;

import io.crowdrecon.recon.operator.OpsLog;
import io.crowdrecon.recon.operator.OpsLogEntry;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The ops log table: INSERT and SELECT only, as the runtime role is granted. */
public class R2dbcOpsLog implements OpsLog {

    private static final String WHERE =
            """
             WHERE (:from::timestamptz IS NULL OR at >= :from::timestamptz)
               AND (:to::timestamptz IS NULL OR at < :to::timestamptz)
               AND (:operator::text IS NULL OR operator_id = :operator::text)
            """;

    private final DatabaseClient database;

    public R2dbcOpsLog(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> append(OpsLogEntry entry) {
        return database.sql(
                        """
                        INSERT INTO ops_log (at, operator_id, operator_name, action, object_type, object_id, note, outcome)
                        VALUES (:at, :operator, :name, :action, :type, :object, :note, :outcome)""")
                .bind("at", Objects.requireNonNull(Sql.timestamp(entry.at())))
                .bind("operator", entry.operatorId().value())
                .bind("name", entry.operatorName())
                .bind("action", entry.action())
                .bind("type", entry.objectType())
                .bind("object", Sql.nullable(entry.objectId(), String.class))
                .bind("note", Sql.nullable(entry.note(), String.class))
                .bind("outcome", entry.outcome())
                .then();
    }

    @Override
    public Mono<Page<OpsLogEntry>> page(
            @Nullable Instant from, @Nullable Instant to, @Nullable OperatorId operatorId, PageRequest page) {
        Mono<Long> total = bind(database.sql("SELECT count(*) FROM ops_log" + WHERE), from, to, operatorId)
                .map(row -> Objects.requireNonNull(row.get(0, Long.class)))
                .one();
        Mono<List<OpsLogEntry>> entries = bind(
                        database.sql("SELECT * FROM ops_log" + WHERE
                                + " ORDER BY sequence DESC LIMIT :limit OFFSET :offset"),
                        from,
                        to,
                        operatorId)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcOpsLog::entry)
                .all()
                .collectList();
        return Mono.zip(entries, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable OperatorId operatorId) {
        return statement
                .bind("from", Sql.nullableTimestamp(from))
                .bind("to", Sql.nullableTimestamp(to))
                .bind("operator", Sql.nullable(operatorId == null ? null : operatorId.value(), String.class));
    }

    private static OpsLogEntry entry(Readable row) {
        return new OpsLogEntry(
                Objects.requireNonNull(row.get("sequence", Long.class)),
                Objects.requireNonNull(Sql.instant(Objects.requireNonNull(row.get("at", OffsetDateTime.class)))),
                OperatorId.of(Objects.requireNonNull(row.get("operator_id", String.class))),
                Objects.requireNonNull(row.get("operator_name", String.class)),
                Objects.requireNonNull(row.get("action", String.class)),
                Objects.requireNonNull(row.get("object_type", String.class)),
                row.get("object_id", String.class),
                row.get("note", String.class),
                Objects.requireNonNull(row.get("outcome", String.class)));
    }
}
