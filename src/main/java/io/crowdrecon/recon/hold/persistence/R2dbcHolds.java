package io.crowdrecon.recon.hold.persistence;

import io.crowdrecon.recon.hold.ActiveHolds;
import io.crowdrecon.recon.hold.ComplianceHold;
import io.crowdrecon.recon.hold.HoldStatus;
import io.crowdrecon.recon.hold.HoldTrigger;
import io.crowdrecon.recon.hold.Holds;
import io.crowdrecon.recon.payment.ComplianceHolds;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcHolds implements Holds, ActiveHolds, ComplianceHolds {

    private static final String WHERE =
            """
             WHERE (:portal::text IS NULL OR portal_id = :portal::text)
               AND (:status::text IS NULL OR status = :status::text)
               AND (:investor::text IS NULL OR investor_id = :investor::text)
               AND (:order::text IS NULL OR order_id = :order::text)
            """;

    /** The active holds on each order, on it or on its investor: the partial indexes keep this to the few ACTIVE. */
    private static final String ACTIVE_ON_ORDERS =
            """
            SELECT o.order_id, h.hold_id
              FROM purchase_order o
              JOIN compliance_hold h
                ON h.status = 'ACTIVE' AND (h.order_id = o.order_id OR h.investor_id = o.investor_id)
             WHERE o.order_id = ANY(:orders::text[])
             ORDER BY o.order_id, h.hold_id""";

    private final DatabaseClient database;

    public R2dbcHolds(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(ComplianceHold hold) {
        return database.sql(
                        """
                        INSERT INTO compliance_hold (hold_id, portal_id, investor_id, order_id, reason, status,
                               placed_by, placed_by_name, ended_by, ended_by_name, created_at, ended_at)
                        VALUES (:id, :portal, :investor, :order, :reason, :status,
                               :placedBy, :placedByName, :endedBy, :endedByName, :createdAt, :endedAt)""")
                .bind("id", hold.holdId().value())
                .bind("portal", hold.portalId().value())
                .bind("investor", Sql.nullable(value(hold.investorId()), String.class))
                .bind("order", Sql.nullable(value(hold.orderId()), String.class))
                .bind("reason", hold.reason())
                .bind("status", hold.status().name())
                .bind("placedBy", Sql.nullable(value(hold.placedBy()), String.class))
                .bind("placedByName", hold.placedByName())
                .bind("endedBy", Sql.nullable(value(hold.endedBy()), String.class))
                .bind("endedByName", Sql.nullable(hold.endedByName(), String.class))
                .bind("createdAt", Sql.timestamp(hold.createdAt()))
                .bind("endedAt", Sql.nullableTimestamp(hold.endedAt()))
                .then();
    }

    @Override
    public Mono<ComplianceHold> byId(HoldId holdId) {
        return database.sql("SELECT * FROM compliance_hold WHERE hold_id = :id")
                .bind("id", holdId.value())
                .map(R2dbcHolds::hold)
                .one();
    }

    @Override
    public Mono<ComplianceHold> lockById(HoldId holdId) {
        return database.sql("SELECT * FROM compliance_hold WHERE hold_id = :id FOR UPDATE")
                .bind("id", holdId.value())
                .map(R2dbcHolds::hold)
                .one();
    }

    @Override
    public Mono<Void> end(ComplianceHold ended, Transition<HoldStatus, HoldTrigger> row) {
        return database.sql(
                        """
                        UPDATE compliance_hold
                           SET status = :to, ended_by = :endedBy, ended_by_name = :endedByName, ended_at = :at
                         WHERE hold_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("from", Sql.names(row.from()))
                .bind("endedBy", Sql.nullable(value(ended.endedBy()), String.class))
                .bind("endedByName", Sql.nullable(ended.endedByName(), String.class))
                .bind("at", Sql.nullableTimestamp(ended.endedAt()))
                .bind("id", ended.holdId().value())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException(
                                "hold " + ended.holdId() + " was not in " + row.from() + " under its lock")));
    }

    @Override
    public Mono<Page<ComplianceHold>> page(
            @Nullable PortalId portalId,
            @Nullable HoldStatus status,
            @Nullable InvestorId investorId,
            @Nullable OrderId orderId,
            PageRequest page) {
        Mono<Long> total = bind(
                        database.sql("SELECT count(*) FROM compliance_hold" + WHERE),
                        portalId,
                        status,
                        investorId,
                        orderId)
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<ComplianceHold>> holds = bind(
                        database.sql("SELECT * FROM compliance_hold" + WHERE
                                + " ORDER BY created_at DESC, hold_id DESC LIMIT :limit OFFSET :offset"),
                        portalId,
                        status,
                        investorId,
                        orderId)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcHolds::hold)
                .all()
                .collectList();
        return Mono.zip(holds, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement,
            @Nullable PortalId portalId,
            @Nullable HoldStatus status,
            @Nullable InvestorId investorId,
            @Nullable OrderId orderId) {
        return statement
                .bind("portal", Sql.nullable(value(portalId), String.class))
                .bind("status", Sql.nullable(status == null ? null : status.name(), String.class))
                .bind("investor", Sql.nullable(value(investorId), String.class))
                .bind("order", Sql.nullable(value(orderId), String.class));
    }

    @Override
    public Mono<PortalId> portalOfInvestor(InvestorId investorId) {
        return database.sql("SELECT portal_id FROM investor WHERE investor_id = :id")
                .bind("id", investorId.value())
                .map(row -> PortalId.of(row.get("portal_id", String.class)))
                .one();
    }

    @Override
    public Flux<OrderId> ordersOfInvestor(InvestorId investorId) {
        return database.sql("SELECT order_id FROM purchase_order WHERE investor_id = :id ORDER BY order_id")
                .bind("id", investorId.value())
                .map(row -> OrderId.of(row.get("order_id", String.class)))
                .all();
    }

    @Override
    public Mono<Map<OrderId, List<HoldId>>> onOrders(Collection<OrderId> orderIds) {
        if (orderIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(ACTIVE_ON_ORDERS)
                .bind("orders", orderIds.stream().map(OrderId::value).distinct().toArray(String[]::new))
                .map(row -> Map.entry(
                        OrderId.of(row.get("order_id", String.class)), HoldId.of(row.get("hold_id", String.class))))
                .all()
                .collect(
                        () -> new TreeMap<OrderId, List<HoldId>>(java.util.Comparator.comparing(OrderId::value)),
                        (held, entry) -> held.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                                .add(entry.getValue()))
                .map(held -> (Map<OrderId, List<HoldId>>) held);
    }

    @Override
    public Mono<Boolean> holdsOrder(OrderId orderId) {
        return onOrders(List.of(orderId)).map(held -> held.containsKey(orderId));
    }

    private static ComplianceHold hold(Readable row) {
        return new ComplianceHold(
                HoldId.of(row.get("hold_id", String.class)),
                PortalId.of(row.get("portal_id", String.class)),
                Sql.id(row.get("investor_id", String.class), InvestorId::of),
                Sql.id(row.get("order_id", String.class), OrderId::of),
                row.get("reason", String.class),
                HoldStatus.valueOf(row.get("status", String.class)),
                Sql.id(row.get("placed_by", String.class), OperatorId::of),
                row.get("placed_by_name", String.class),
                Sql.id(row.get("ended_by", String.class), OperatorId::of),
                row.get("ended_by_name", String.class),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("ended_at", OffsetDateTime.class)));
    }

    private static @Nullable String value(@Nullable Object id) {
        return id == null ? null : id.toString();
    }
}
