package io.crowdrecon.recon.ops.persistence;

import io.crowdrecon.recon.ops.PortalStats;
import io.crowdrecon.recon.platform.persistence.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Portal statistics in one query; {@code portalId} null gives every portal's. With a period, only the orders created
 * in it count (the campaigns' counts are all time: a campaign is not created in a period).
 */
public class R2dbcPortalStats {

    private final DatabaseClient database;

    public R2dbcPortalStats(DatabaseClient database) {
        this.database = database;
    }

    public Mono<PortalStats> of(String portalId) {
        return of(portalId, null, null);
    }

    /** Statistics of the orders created from {@code start} inclusive to {@code end} exclusive (null: unbounded). */
    public Mono<PortalStats> of(String portalId, @Nullable Instant start, @Nullable Instant end) {
        return database.sql(
                        """
                        SELECT coalesce(sum(o.order_amount) FILTER (WHERE o.status = 'ACCOUNTED'), 0) AS sum_accounted,
                               count(*) FILTER (WHERE o.status = 'ACCOUNTED') AS count_accounted,
                               coalesce(sum(o.order_amount) FILTER (WHERE o.status = 'SPLITTED'), 0) AS sum_splitted,
                               count(*) FILTER (WHERE o.status = 'SPLITTED') AS count_splitted,
                               count(DISTINCT o.investor_id) FILTER (WHERE o.status IN ('ACCOUNTED', 'SPLITTED'))
                                   AS investors,
                               (SELECT count(*) FROM campaign c WHERE c.status = 'FINALIZED_SUCCESS'
                                   AND (:portalId::text IS NULL OR c.portal_id = :portalId::text)) AS succeeded,
                               (SELECT count(*) FROM campaign c WHERE c.status = 'FINALIZED_FAIL'
                                   AND (:portalId::text IS NULL OR c.portal_id = :portalId::text)) AS failed
                          FROM purchase_order o
                         WHERE (:portalId::text IS NULL OR o.portal_id = :portalId::text)
                           AND (:start::timestamptz IS NULL OR o.created_at >= :start::timestamptz)
                           AND (:end::timestamptz IS NULL OR o.created_at < :end::timestamptz)""")
                .bind("portalId", Sql.nullable(portalId, String.class))
                .bind("start", Sql.nullableTimestamp(start))
                .bind("end", Sql.nullableTimestamp(end))
                .map(row -> new PortalStats(
                        "EUR",
                        row.get("sum_accounted", BigDecimal.class),
                        row.get("count_accounted", Long.class),
                        row.get("sum_splitted", BigDecimal.class),
                        row.get("count_splitted", Long.class),
                        row.get("investors", Long.class),
                        row.get("succeeded", Long.class),
                        row.get("failed", Long.class)))
                .one();
    }
}
