package io.crowdrecon.recon.ops.persistence;

import io.crowdrecon.recon.ops.KafkaLag;
import io.crowdrecon.recon.ops.OpsStats;
import io.crowdrecon.recon.ops.OpsStats.Credits;
import io.crowdrecon.recon.ops.OpsStats.Outbox;
import io.crowdrecon.recon.ops.OpsStats.Pending;
import io.crowdrecon.recon.ops.OpsStats.ReviewQueue;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The operator's figures: aggregates over the books plus the broker's lag and DLQ sizes. */
public class R2dbcOpsStats {

    private record Row(String a, String b, long count, BigDecimal sum) {}

    private final DatabaseClient database;
    private final KafkaLag kafka;
    private final Clock clock;

    public R2dbcOpsStats(DatabaseClient database, KafkaLag kafka, Clock clock) {
        this.database = database;
        this.kafka = kafka;
        this.clock = clock;
    }

    public Mono<OpsStats> stats() {
        Mono<List<Row>> credits = rows("SELECT outcome, currency, count(*), coalesce(sum(amount), 0) FROM credit"
                + " GROUP BY outcome, currency");
        Mono<List<Row>> reasons = rows("SELECT reason, '', count(*), coalesce(sum(amount), 0)"
                + " FROM unidentified_transfer GROUP BY reason");
        Mono<List<Row>> instructions = rows("SELECT type, status || ':' || currency, count(*), coalesce(sum(amount), 0)"
                + " FROM payment_instruction WHERE reissued_as IS NULL GROUP BY type, status, currency");
        Mono<List<Row>> reviews =
                rows("SELECT kind, '', count(*), 0 FROM review_item WHERE status = 'OPEN'" + " GROUP BY kind");
        Mono<List<Row>> orders = rows("SELECT status, '', count(*), 0 FROM purchase_order GROUP BY status");
        Mono<List<Row>> misc = rows(
                """
                SELECT 'notDecided', '', (SELECT count(*) FROM undecided_credit), 0
                UNION ALL SELECT 'portals', '', (SELECT count(*) FROM portal), 0
                UNION ALL SELECT 'backlog', '', (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease), 0
                UNION ALL SELECT 'lagMillis', '', coalesce((SELECT (extract(epoch FROM clock_timestamp() - min(created_at))
                                                                   * 1000)::bigint
                                                             FROM event_log WHERE seq > (SELECT last_seq FROM relay_lease)),
                                                            0), 0""");
        Mono<Optional<Map<String, Long>>> lag =
                kafka.consumerLag().map(Optional::of).onErrorReturn(Optional.empty());
        Mono<Optional<Map<String, Long>>> dlq =
                kafka.deadLetters().map(Optional::of).onErrorReturn(Optional.empty());
        return Mono.zip(credits, reasons, instructions, reviews, orders, misc, lag, dlq)
                .map(t -> assemble(
                        t.getT1(),
                        t.getT2(),
                        t.getT3(),
                        t.getT4(),
                        t.getT5(),
                        t.getT6(),
                        t.getT7().orElse(null),
                        t.getT8().orElse(null)));
    }

    private OpsStats assemble(
            List<Row> credits,
            List<Row> reasons,
            List<Row> instructions,
            List<Row> reviews,
            List<Row> orders,
            List<Row> misc,
            @Nullable Map<String, Long> lag,
            @Nullable Map<String, Long> dlq) {
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> amounts = new TreeMap<>();
        for (Row row : credits) {
            byOutcome.merge(row.a(), row.count(), Long::sum);
            amounts.computeIfAbsent(row.b(), c -> new TreeMap<>()).merge(key(row.a()), row.sum(), BigDecimal::add);
        }
        Map<String, Long> values = new TreeMap<>();
        misc.forEach(row -> values.put(row.a(), row.count()));
        long decided = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        long notDecided = values.getOrDefault("notDecided", 0L);
        Long received = lag == null
                ? null
                : decided
                        + notDecided
                        + lag.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> byStatus = new TreeMap<>();
        Pending returns = pending(instructions, List.of("TRANSFER_RETURN", "CARD_REFUND"), byStatus);
        Pending refunds = pending(instructions, List.of("REFUND"), null);
        Map<String, Long> reviewKinds = new TreeMap<>();
        reviews.forEach(row -> reviewKinds.put(row.a(), row.count()));
        return new OpsStats(
                clock.instant(),
                new Credits(
                        received,
                        decided,
                        byOutcome.getOrDefault("MATCHED", 0L),
                        byOutcome.getOrDefault("UNIDENTIFIED", 0L),
                        byOutcome.getOrDefault("DUPLICATE_FEED", 0L),
                        byOutcome.getOrDefault("INSTRUCTION_RETURNED", 0L),
                        notDecided),
                amounts,
                counts(reasons),
                returns,
                refunds,
                byStatus,
                dlq,
                new Outbox(values.getOrDefault("backlog", 0L), values.getOrDefault("lagMillis", 0L) / 1000.0),
                lag,
                new ReviewQueue(
                        reviewKinds.values().stream().mapToLong(Long::longValue).sum(), reviewKinds),
                counts(orders),
                values.getOrDefault("portals", 0L));
    }

    /**
     * Instructions of these types not yet executed (CREATED, ON_HOLD, AWAITING_APPROVAL or SENT), and every type's counts by
     * status.
     */
    private static Pending pending(List<Row> instructions, List<String> types, @Nullable Map<String, Long> byStatus) {
        long count = 0;
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Row row : instructions) {
            String[] statusAndCurrency = row.b().split(":", 2);
            if (byStatus != null) {
                byStatus.merge(statusAndCurrency[0], row.count(), Long::sum);
            }
            boolean open = statusAndCurrency[0].equals("CREATED")
                    || statusAndCurrency[0].equals("ON_HOLD")
                    || statusAndCurrency[0].equals("AWAITING_APPROVAL")
                    || statusAndCurrency[0].equals("SENT");
            if (open && types.contains(row.a())) {
                count += row.count();
                amounts.merge(statusAndCurrency[1], row.sum(), BigDecimal::add);
            }
        }
        return new Pending(count, amounts);
    }

    private static Map<String, Long> counts(List<Row> rows) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row.a(), row.count()));
        return counts;
    }

    private static String key(String outcome) {
        return switch (outcome) {
            case "MATCHED" -> "matched";
            case "UNIDENTIFIED" -> "unidentified";
            case "DUPLICATE_FEED" -> "duplicates";
            default -> "returnedInstructions";
        };
    }

    private Mono<List<Row>> rows(String sql) {
        return database.sql(sql)
                .map(row -> new Row(
                        row.get(0, String.class),
                        row.get(1, String.class),
                        row.get(2, Long.class),
                        new BigDecimal(String.valueOf(row.get(3)))))
                .all()
                .collectList();
    }
}
