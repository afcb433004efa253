package io.crowdrecon.recon.clearing.persistence;

import io.crowdrecon.recon.clearing.PaidMoneyins;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The moneyins of a campaign with the bank's booking date of the credit that paid each. */
public class R2dbcPaidMoneyins implements PaidMoneyins {

    private final DatabaseClient database;

    public R2dbcPaidMoneyins(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<Paid> liveOfCampaign(CampaignId campaignId) {
        return database.sql(
                        """
                        SELECT m.order_id, m.channel, c.booking_date, c.received_at
                        FROM moneyin m JOIN credit c ON c.notification_id = m.notification_id
                        WHERE m.campaign_id = :campaign AND m.status <> 'RECALLED'
                        """)
                .bind("campaign", campaignId.value())
                .map(row -> new Paid(
                        OrderId.of(Objects.requireNonNull(row.get("order_id", String.class))),
                        "CARD".equals(row.get("channel", String.class)),
                        row.get("booking_date", LocalDate.class),
                        Objects.requireNonNull(
                                Sql.instant(Objects.requireNonNull(row.get("received_at", OffsetDateTime.class))))))
                .all();
    }

    @Override
    public Mono<Boolean> recalledSince(CampaignId campaignId, Instant since) {
        return Sql.exists(
                database.sql("SELECT 1 FROM moneyin WHERE campaign_id = :campaign AND recalled_at > :since LIMIT 1")
                        .bind("campaign", campaignId.value())
                        .bind("since", Objects.requireNonNull(Sql.timestamp(since))));
    }
}
