package io.crowdrecon.recon.order.persistence;

import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.order.InvestorAccount;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.order.StatusChange;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcOrders implements Orders {

    static final String COLUMNS =
            """
            order_id, portal_id, campaign_id, company_id, investor_id, investor_iban, holder_name, holder_surname,
            holder_business_name, total_amount, order_amount, fee_amount, currency, channel, description,
            portal_order_code, portal_order_datetime, portal_investor_code, portal_company_code, portal_campaign_code,
            status, payment_window_ends_at, created_at, updated_at, risk_warning_acknowledged, reflection_ends_at""";

    private static final String INSERT_HISTORY =
            """
            INSERT INTO order_status_history (order_id, position, status, previous_status, reason, at)
            SELECT :orderId, coalesce(max(position), 0) + 1, :status, :previous, :reason, :at
              FROM order_status_history WHERE order_id = :orderId
            """;

    private final DatabaseClient database;

    public R2dbcOrders(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Order> add(Order order, StatusChange created) {
        InvestorAccount account = order.investorAccount();
        Order.PortalReferences refs = order.portalReferences();
        return database.sql(
                        """
                        INSERT INTO purchase_order (order_id, portal_id, campaign_id, company_id, investor_id,
                            investor_iban, holder_name, holder_surname, holder_business_name, total_amount,
                            order_amount, fee_amount, currency, channel, description, portal_order_code,
                            portal_order_datetime, portal_investor_code, portal_company_code, portal_campaign_code,
                            status, payment_window_ends_at, created_at, updated_at, risk_warning_acknowledged,
                            reflection_ends_at)
                        VALUES (:id, :portalId, :campaignId, :companyId, :investorId, :iban, :holderName,
                            :holderSurname, :holderBusinessName, :total, :amount, :fee, :currency, :channel,
                            :description, :portalOrderCode, :portalOrderDatetime, :portalInvestorCode,
                            :portalCompanyCode, :portalCampaignCode, :status, :windowEndsAt, :createdAt, :updatedAt,
                            :riskWarningAcknowledged, :reflectionEndsAt)
                        """)
                .bind("id", order.orderId().value())
                .bind("portalId", order.portalId().value())
                .bind("campaignId", order.campaignId().value())
                .bind("companyId", order.companyId().value())
                .bind("investorId", order.investorId().value())
                .bind(
                        "iban",
                        Sql.nullable(
                                account == null || account.iban() == null
                                        ? null
                                        : account.iban().value(),
                                String.class))
                .bind("holderName", Sql.nullable(account == null ? null : account.holderName(), String.class))
                .bind("holderSurname", Sql.nullable(account == null ? null : account.holderSurname(), String.class))
                .bind(
                        "holderBusinessName",
                        Sql.nullable(account == null ? null : account.holderBusinessName(), String.class))
                .bind("total", order.totalAmount())
                .bind("amount", order.orderAmount())
                .bind("fee", order.feeAmount())
                .bind("currency", order.currency())
                .bind("channel", order.channel().name())
                .bind("description", Sql.nullable(refs.description(), String.class))
                .bind("portalOrderCode", Sql.nullable(refs.portalOrderCode(), String.class))
                .bind("portalOrderDatetime", Sql.nullableTimestamp(refs.portalOrderDatetime()))
                .bind("portalInvestorCode", Sql.nullable(refs.portalInvestorCode(), String.class))
                .bind("portalCompanyCode", Sql.nullable(refs.portalCompanyCode(), String.class))
                .bind("portalCampaignCode", Sql.nullable(refs.portalCampaignCode(), String.class))
                .bind("status", order.status().name())
                .bind("windowEndsAt", Sql.timestamp(order.paymentWindowEndsAt()))
                .bind("createdAt", Sql.timestamp(order.createdAt()))
                .bind("updatedAt", Sql.timestamp(order.updatedAt()))
                .bind("riskWarningAcknowledged", order.riskWarningAcknowledged())
                .bind("reflectionEndsAt", Sql.nullableTimestamp(order.reflectionEndsAt()))
                .then()
                .then(history(order.orderId(), created))
                .thenReturn(order);
    }

    @Override
    public Mono<Order> ofPortal(PortalId portalId, OrderId orderId) {
        return select("WHERE order_id = :id AND portal_id = :portalId", portalId, orderId);
    }

    @Override
    public Mono<Order> lockOfPortal(PortalId portalId, OrderId orderId) {
        return select("WHERE order_id = :id AND portal_id = :portalId FOR UPDATE", portalId, orderId);
    }

    @Override
    public Flux<Order> lockAll(Collection<OrderId> orderIds) {
        if (orderIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT " + COLUMNS
                        + " FROM purchase_order WHERE order_id = ANY(:ids::text[]) ORDER BY order_id FOR UPDATE")
                .bind(
                        "ids",
                        orderIds.stream()
                                .map(OrderId::value)
                                .sorted()
                                .distinct()
                                .toArray(String[]::new))
                .map(R2dbcOrders::order)
                .all();
    }

    @Override
    public Flux<Order> lockOverdue(Set<OrderStatus> statuses, Instant now, int limit) {
        return database.sql(
                        "SELECT " + COLUMNS
                                + """
                         FROM purchase_order
                        WHERE status = ANY(:statuses::text[]) AND payment_window_ends_at < :now
                        ORDER BY order_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .bind("now", Sql.timestamp(now))
                .bind("limit", limit)
                .map(R2dbcOrders::order)
                .all();
    }

    @Override
    public Mono<Order> lockById(OrderId orderId) {
        return database.sql("SELECT " + COLUMNS + " FROM purchase_order WHERE order_id = :id FOR UPDATE")
                .bind("id", orderId.value())
                .map(R2dbcOrders::order)
                .one();
    }

    private Mono<Order> select(String where, PortalId portalId, OrderId orderId) {
        return database.sql("SELECT " + COLUMNS + " FROM purchase_order " + where)
                .bind("id", orderId.value())
                .bind("portalId", portalId.value())
                .map(R2dbcOrders::order)
                .one();
    }

    @Override
    public Mono<Boolean> move(OrderId orderId, StatusChange change, @Nullable Instant windowEndsAt) {
        return database.sql(
                        """
                        UPDATE purchase_order
                           SET status = :to, updated_at = :at,
                               payment_window_ends_at = coalesce(:windowEndsAt, payment_window_ends_at)
                         WHERE order_id = :id AND status = :from
                        """)
                .bind("to", change.status().name())
                .bind("at", Sql.timestamp(change.at()))
                .bind("windowEndsAt", Sql.nullableTimestamp(windowEndsAt))
                .bind("id", orderId.value())
                .bind(
                        "from",
                        Objects.requireNonNull(change.previousStatus(), "a move has a previous status")
                                .name())
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1 ? history(orderId, change).thenReturn(true) : Mono.just(false));
    }

    @Override
    public Mono<Void> moveAll(List<OrderMoveStep> moves) {
        if (moves.isEmpty()) {
            return Mono.empty();
        }
        // One UPDATE per order: from the first step's previous status to the last step's status.
        java.util.Map<OrderId, StatusChange[]> firstAndLast = new java.util.LinkedHashMap<>();
        for (OrderMoveStep move : moves) {
            firstAndLast.computeIfAbsent(move.orderId(), id -> new StatusChange[] {move.change(), null})[1] =
                    move.change();
        }
        int n = firstAndLast.size();
        String[] ids = new String[n];
        String[] froms = new String[n];
        String[] tos = new String[n];
        String[] ats = new String[n];
        int i = 0;
        for (var entry : firstAndLast.entrySet()) {
            ids[i] = entry.getKey().value();
            froms[i] = Objects.requireNonNull(entry.getValue()[0].previousStatus(), "a move has a previous status")
                    .name();
            tos[i] = entry.getValue()[1].status().name();
            ats[i] = entry.getValue()[1].at().toString();
            i++;
        }
        Mono<Void> update = database.sql(
                        """
                        UPDATE purchase_order o SET status = v.to_status, updated_at = v.at
                          FROM unnest(:ids::text[], :froms::text[], :tos::text[], :ats::timestamptz[])
                               AS v(order_id, from_status, to_status, at)
                         WHERE o.order_id = v.order_id AND o.status = v.from_status""")
                .bind("ids", ids)
                .bind("froms", froms)
                .bind("tos", tos)
                .bind("ats", ats)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == n
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("expected to move " + n + " orders, moved " + updated
                                + ": an order changed under its lock")));
        return update.then(insertHistory(moves));
    }

    private Mono<Void> insertHistory(List<OrderMoveStep> moves) {
        int n = moves.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] previous = new String[n];
        String[] reasons = new String[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            StatusChange change = moves.get(i).change();
            ids[i] = moves.get(i).orderId().value();
            statuses[i] = change.status().name();
            previous[i] = change.previousStatus() == null
                    ? null
                    : change.previousStatus().name();
            reasons[i] = change.reason();
            ats[i] = change.at().toString();
        }
        return database.sql(
                        """
                        INSERT INTO order_status_history (order_id, position, status, previous_status, reason, at)
                        SELECT v.order_id,
                               coalesce((SELECT max(h.position) FROM order_status_history h
                                          WHERE h.order_id = v.order_id), 0)
                                 + row_number() OVER (PARTITION BY v.order_id ORDER BY v.ord),
                               v.status, v.previous_status, v.reason, v.at
                          FROM unnest(:ids::text[], :statuses::text[], :previous::text[], :reasons::text[],
                                      :ats::timestamptz[]) WITH ORDINALITY
                               AS v(order_id, status, previous_status, reason, at, ord)""")
                .bind("ids", ids)
                .bind("statuses", statuses)
                .bind("previous", previous)
                .bind("reasons", reasons)
                .bind("ats", ats)
                .then();
    }

    private Mono<Void> history(OrderId orderId, StatusChange change) {
        return database.sql(INSERT_HISTORY)
                .bind("orderId", orderId.value())
                .bind("status", change.status().name())
                .bind(
                        "previous",
                        Sql.nullable(
                                change.previousStatus() == null
                                        ? null
                                        : change.previousStatus().name(),
                                String.class))
                .bind("reason", change.reason())
                .bind("at", Sql.timestamp(change.at()))
                .then();
    }

    @Override
    public Flux<StatusChange> history(OrderId orderId) {
        return database.sql(
                        """
                        SELECT status, previous_status, reason, at FROM order_status_history
                         WHERE order_id = :id ORDER BY position""")
                .bind("id", orderId.value())
                .map(row -> {
                    String previous = row.get("previous_status", String.class);
                    return new StatusChange(
                            OrderStatus.valueOf(row.get("status", String.class)),
                            previous == null ? null : OrderStatus.valueOf(previous),
                            row.get("reason", String.class),
                            Sql.instant(row.get("at", OffsetDateTime.class)));
                })
                .all();
    }

    @Override
    public Mono<Page<Order>> pageOfCampaign(PortalId portalId, CampaignId campaignId, PageRequest page) {
        Mono<Long> total = database.sql(
                        "SELECT count(*) FROM purchase_order WHERE campaign_id = :campaignId AND portal_id = :portalId")
                .bind("campaignId", campaignId.value())
                .bind("portalId", portalId.value())
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<Order>> items = database.sql(
                        "SELECT " + COLUMNS
                                + """
                         FROM purchase_order WHERE campaign_id = :campaignId AND portal_id = :portalId
                        ORDER BY created_at DESC, order_id DESC LIMIT :limit OFFSET :offset""")
                .bind("campaignId", campaignId.value())
                .bind("portalId", portalId.value())
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcOrders::order)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    @Override
    public Flux<Order> lockAllOfCampaign(CampaignId campaignId) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM purchase_order WHERE campaign_id = :campaignId ORDER BY order_id FOR UPDATE")
                .bind("campaignId", campaignId.value())
                .map(R2dbcOrders::order)
                .all();
    }

    @Override
    public Mono<java.util.Map<OrderId, Instant>> reflectionEndsOfCampaign(CampaignId campaignId) {
        return database.sql(
                        """
                        SELECT order_id, reflection_ends_at FROM purchase_order
                        WHERE campaign_id = :campaign AND reflection_ends_at IS NOT NULL""")
                .bind("campaign", campaignId.value())
                .map(row -> java.util.Map.entry(
                        OrderId.of(Objects.requireNonNull(row.get("order_id", String.class))),
                        Objects.requireNonNull(Sql.instant(
                                Objects.requireNonNull(row.get("reflection_ends_at", OffsetDateTime.class))))))
                .all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }

    @Override
    public Mono<List<StatusTotal>> totalsByStatus(CampaignId campaignId) {
        return database.sql(
                        """
                        SELECT status, sum(order_amount) AS amount, count(*) AS n FROM purchase_order
                         WHERE campaign_id = :campaignId GROUP BY status""")
                .bind("campaignId", campaignId.value())
                .map(row -> new StatusTotal(
                        OrderStatus.valueOf(row.get("status", String.class)),
                        row.get("amount", BigDecimal.class),
                        row.get("n", Long.class)))
                .all()
                .collectList();
    }

    @Override
    public Mono<Invested> invested(
            InvestorId investorId, CampaignId campaignId, Set<OrderStatus> live, Set<CampaignStatus> running) {
        return database.sql(
                        """
                        SELECT coalesce(sum(o.order_amount) FILTER (WHERE o.campaign_id = :campaignId), 0) AS in_campaign,
                               coalesce(sum(o.order_amount) FILTER (WHERE c.status = ANY(:running::text[])), 0)
                                 AS in_running
                          FROM purchase_order o JOIN campaign c ON c.campaign_id = o.campaign_id
                         WHERE o.investor_id = :investorId AND o.status = ANY(:live::text[])""")
                .bind("campaignId", campaignId.value())
                .bind("investorId", investorId.value())
                .bind("live", Sql.names(live))
                .bind("running", Sql.names(running))
                .map(row ->
                        new Invested(row.get("in_campaign", BigDecimal.class), row.get("in_running", BigDecimal.class)))
                .one();
    }

    static Order order(Readable row) {
        String iban = row.get("investor_iban", String.class);
        String holderName = row.get("holder_name", String.class);
        String holderSurname = row.get("holder_surname", String.class);
        String holderBusinessName = row.get("holder_business_name", String.class);
        InvestorAccount account =
                iban == null && holderName == null && holderSurname == null && holderBusinessName == null
                        ? null
                        : new InvestorAccount(
                                iban == null ? null : new Iban(iban), holderName, holderSurname, holderBusinessName);
        return new Order(
                new OrderId(row.get("order_id", String.class)),
                new PortalId(row.get("portal_id", String.class)),
                new CampaignId(row.get("campaign_id", String.class)),
                new CompanyId(row.get("company_id", String.class)),
                new InvestorId(row.get("investor_id", String.class)),
                account,
                row.get("total_amount", BigDecimal.class),
                row.get("order_amount", BigDecimal.class),
                row.get("fee_amount", BigDecimal.class),
                row.get("currency", String.class),
                OrderChannel.valueOf(row.get("channel", String.class)),
                new Order.PortalReferences(
                        row.get("description", String.class),
                        row.get("portal_order_code", String.class),
                        Sql.instant(row.get("portal_order_datetime", OffsetDateTime.class)),
                        row.get("portal_investor_code", String.class),
                        row.get("portal_company_code", String.class),
                        row.get("portal_campaign_code", String.class)),
                OrderStatus.valueOf(row.get("status", String.class)),
                Sql.instant(row.get("payment_window_ends_at", OffsetDateTime.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("updated_at", OffsetDateTime.class)),
                Boolean.TRUE.equals(row.get("risk_warning_acknowledged", Boolean.class)),
                Sql.instant(row.get("reflection_ends_at", OffsetDateTime.class)));
    }
}
