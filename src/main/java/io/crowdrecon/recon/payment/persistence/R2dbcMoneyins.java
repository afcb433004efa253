package io.crowdrecon.recon.payment.persistence;

import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcMoneyins implements Moneyins {

    private final DatabaseClient database;

    public R2dbcMoneyins(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> addAll(List<Moneyin> moneyins) {
        return BulkInsert.into("moneyin", moneyins)
                .text("moneyin_id", m -> m.moneyinId().value())
                .text("order_id", m -> m.orderId().value())
                .text("portal_id", m -> m.portalId().value())
                .text("campaign_id", m -> m.campaignId().value())
                .text("notification_id", Moneyin::notificationId)
                .numeric("amount", Moneyin::amount)
                .text("currency", Moneyin::currency)
                .enumName("channel", Moneyin::channel)
                .text("payer_iban", Moneyin::payerIban)
                .text("payer_name", Moneyin::payerName)
                .text("psp_reference", Moneyin::pspReference)
                .enumName("status", Moneyin::status)
                .timestamp("created_at", Moneyin::createdAt)
                .timestamp("recalled_at", Moneyin::recalledAt)
                .execute(database)
                .then();
    }

    @Override
    public Mono<Moneyin> lockByNotificationId(String notificationId) {
        return database.sql("SELECT * FROM moneyin WHERE notification_id = :id FOR UPDATE")
                .bind("id", notificationId)
                .map(R2dbcMoneyins::moneyin)
                .one();
    }

    @Override
    public Mono<Moneyin> lockLiveOfOrder(OrderId orderId) {
        return database.sql("SELECT * FROM moneyin WHERE order_id = :id AND status <> 'RECALLED' FOR UPDATE")
                .bind("id", orderId.value())
                .map(R2dbcMoneyins::moneyin)
                .one();
    }

    @Override
    public Mono<Boolean> recall(MoneyinId moneyinId, java.time.Instant at) {
        return database.sql(
                        """
                        UPDATE moneyin SET status = 'RECALLED', recalled_at = :at
                         WHERE moneyin_id = :id AND status = 'RECEIVED'""")
                .bind("at", Sql.timestamp(at))
                .bind("id", moneyinId.value())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Flux<Moneyin> ofOrder(OrderId orderId) {
        return database.sql("SELECT * FROM moneyin WHERE order_id = :id ORDER BY created_at DESC, moneyin_id DESC")
                .bind("id", orderId.value())
                .map(R2dbcMoneyins::moneyin)
                .all();
    }

    static Moneyin moneyin(Readable row) {
        return new Moneyin(
                new MoneyinId(row.get("moneyin_id", String.class)),
                new OrderId(row.get("order_id", String.class)),
                new PortalId(row.get("portal_id", String.class)),
                new CampaignId(row.get("campaign_id", String.class)),
                row.get("notification_id", String.class),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                PaymentChannel.valueOf(row.get("channel", String.class)),
                row.get("payer_iban", String.class),
                row.get("payer_name", String.class),
                row.get("psp_reference", String.class),
                MoneyinStatus.valueOf(row.get("status", String.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("recalled_at", OffsetDateTime.class)));
    }
}
