package io.crowdrecon.recon.payment.persistence;

import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcMoneyouts implements Moneyouts {

    private final DatabaseClient database;

    public R2dbcMoneyouts(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> addAll(List<Moneyout> moneyouts) {
        return BulkInsert.into("moneyout", moneyouts)
                .text("moneyout_id", m -> m.moneyoutId().value())
                .text("order_id", m -> m.orderId().value())
                .text("moneyin_id", m -> m.moneyinId().value())
                .text("portal_id", m -> m.portalId().value())
                .text("campaign_id", m -> m.campaignId().value())
                .text("company_id", m -> m.companyId().value())
                .enumName("type", Moneyout::type)
                .enumName("status", Moneyout::status)
                .numeric("amount", Moneyout::amount)
                .text("currency", Moneyout::currency)
                .id("split_of", Moneyout::splitOf, MoneyoutId::value)
                .timestamp("created_at", Moneyout::createdAt)
                .timestamp("updated_at", Moneyout::createdAt)
                .timestamp("executed_at", Moneyout::executedAt)
                .execute(database)
                .then();
    }

    @Override
    public Flux<Moneyout> lockOfOrder(OrderId orderId) {
        return database.sql(
                        "SELECT * FROM moneyout WHERE order_id = :id AND replaced_at IS NULL ORDER BY created_at, moneyout_id FOR UPDATE")
                .bind("id", orderId.value())
                .map(R2dbcMoneyouts::moneyout)
                .all();
    }

    @Override
    public Mono<Void> moveAll(
            List<MoneyoutId> moneyoutIds, Transition<MoneyoutStatus, MoneyoutTrigger> row, java.time.Instant at) {
        if (moneyoutIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(
                        """
                        UPDATE moneyout
                           SET status = :to, updated_at = :at,
                               executed_at = CASE WHEN :to = 'EXECUTED' THEN :at ELSE executed_at END
                         WHERE moneyout_id = ANY(:ids::text[]) AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("at", Sql.timestamp(at))
                .bind("ids", moneyoutIds.stream().map(MoneyoutId::value).toArray(String[]::new))
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == moneyoutIds.size()
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("expected to move " + moneyoutIds.size()
                                + " moneyouts from " + row.from() + " on " + row.trigger() + ", moved " + rows)));
    }

    @Override
    public Mono<Void> markReplaced(List<MoneyoutId> moneyoutIds, java.time.Instant at) {
        if (moneyoutIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(
                        "UPDATE moneyout SET replaced_at = :at, updated_at = :at WHERE moneyout_id = ANY(:ids::text[])")
                .bind("at", Sql.timestamp(at))
                .bind("ids", moneyoutIds.stream().map(MoneyoutId::value).toArray(String[]::new))
                .then();
    }

    @Override
    public Mono<Void> assignCashout(List<MoneyoutId> moneyoutIds, CashoutId cashoutId) {
        if (moneyoutIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("UPDATE moneyout SET cashout_id = :cashout WHERE moneyout_id = ANY(:ids::text[])")
                .bind("cashout", cashoutId.value())
                .bind("ids", moneyoutIds.stream().map(MoneyoutId::value).toArray(String[]::new))
                .then();
    }

    @Override
    public Flux<Moneyout> ofCampaign(CampaignId campaignId) {
        return database.sql(
                        "SELECT * FROM moneyout WHERE campaign_id = :id AND replaced_at IS NULL ORDER BY order_id, moneyout_id")
                .bind("id", campaignId.value())
                .map(R2dbcMoneyouts::moneyout)
                .all();
    }

    @Override
    public Flux<Moneyout> ofOrder(OrderId orderId) {
        return database.sql(
                        "SELECT * FROM moneyout WHERE order_id = :id AND replaced_at IS NULL ORDER BY created_at, moneyout_id")
                .bind("id", orderId.value())
                .map(R2dbcMoneyouts::moneyout)
                .all();
    }

    static Moneyout moneyout(Readable row) {
        return new Moneyout(
                new MoneyoutId(row.get("moneyout_id", String.class)),
                OrderId.of(row.get("order_id", String.class)),
                new MoneyinId(row.get("moneyin_id", String.class)),
                PortalId.of(row.get("portal_id", String.class)),
                CampaignId.of(row.get("campaign_id", String.class)),
                CompanyId.of(row.get("company_id", String.class)),
                MoneyoutType.valueOf(row.get("type", String.class)),
                MoneyoutStatus.valueOf(row.get("status", String.class)),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                Sql.id(row.get("split_of", String.class), MoneyoutId::new),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("executed_at", OffsetDateTime.class)));
    }
}
