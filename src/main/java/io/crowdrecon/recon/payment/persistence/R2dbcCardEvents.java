package io.crowdrecon.recon.payment.persistence;

import io.crowdrecon.recon.payment.card.CardEvent;
import io.crowdrecon.recon.payment.card.CardEvents;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.ReviewItemId;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcCardEvents implements CardEvents {

    private final DatabaseClient database;

    public R2dbcCardEvents(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> isRecorded(String notificationId) {
        return Sql.exists(database.sql("SELECT 1 FROM card_event WHERE notification_id = :id")
                .bind("id", notificationId));
    }

    @Override
    public Mono<Void> record(CardEvent event, String outcome, Instant at) {
        return database.sql(
                        """
                        INSERT INTO card_event (notification_id, event_code, success, order_id, amount, currency,
                                                psp_reference, outcome, recorded_at)
                        VALUES (:id, :code, :success, :orderId, :amount, :currency, :psp, :outcome, :at)""")
                .bind("id", event.notificationId())
                .bind("code", event.code().name())
                .bind("success", event.success())
                .bind("orderId", Sql.nullable(event.orderId(), String.class))
                .bind("amount", Sql.nullable(event.amount(), BigDecimal.class))
                .bind("currency", Sql.nullable(event.currency(), String.class))
                .bind("psp", Sql.nullable(event.pspReference(), String.class))
                .bind("outcome", outcome)
                .bind("at", Sql.timestamp(at))
                .then();
    }

    @Override
    public Mono<String> openCardInstruction(String pspReference, BigDecimal amount) {
        return database.sql(
                        """
                        SELECT instruction_id FROM payment_instruction
                         WHERE channel = 'CARD' AND status = 'CREATED' AND psp_reference = :psp AND amount = :amount
                         ORDER BY created_at LIMIT 1""")
                .bind("psp", pspReference)
                .bind("amount", amount)
                .map(row -> row.get(0, String.class))
                .one();
    }

    @Override
    public Mono<Void> recordChargebackReversal(
            String orderId,
            MoneyinId moneyinId,
            String campaignId,
            BigDecimal amount,
            String currency,
            ReviewItemId reviewItemId,
            Instant at) {
        return database.sql(
                        """
                        INSERT INTO chargeback_reversal (order_id, moneyin_id, campaign_id, amount, currency,
                                                         review_item_id, reversed_at)
                        VALUES (:orderId, :moneyinId, :campaignId, :amount, :currency, :reviewItemId, :at)""")
                .bind("orderId", orderId)
                .bind("moneyinId", moneyinId.value())
                .bind("campaignId", campaignId)
                .bind("amount", amount)
                .bind("currency", currency)
                .bind("reviewItemId", reviewItemId.value())
                .bind("at", Sql.timestamp(at))
                .then();
    }
}
