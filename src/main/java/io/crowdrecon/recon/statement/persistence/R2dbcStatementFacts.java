package io.crowdrecon.recon.statement.persistence;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.RefundId;
import io.crowdrecon.recon.statement.MoneyFacts;
import io.crowdrecon.recon.statement.MoneyFacts.Chargeback;
import io.crowdrecon.recon.statement.MoneyFacts.ExecutedPart;
import io.crowdrecon.recon.statement.MoneyFacts.OrderFact;
import io.crowdrecon.recon.statement.MoneyFacts.Payment;
import io.crowdrecon.recon.statement.MoneyFacts.Payout;
import io.crowdrecon.recon.statement.MoneyFacts.Refund;
import io.crowdrecon.recon.statement.StatementFacts;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The facts as SQL over the books' tables, each set read in one snapshot (the REPEATABLE READ, read-only transaction
 * it is given) so that a statement or ledger never shows half of a use case. Every query takes the orders in scope as
 * a sub-select ({@code :portal} plus either the investor and period, or the campaign).
 */
public class R2dbcStatementFacts implements StatementFacts {

    private static final String INVESTOR_ORDERS =
            """
            SELECT order_id FROM purchase_order
             WHERE portal_id = :portal AND investor_id = :investor AND created_at >= :from AND created_at < :until""";

    private static final String CAMPAIGN_ORDERS =
            "SELECT order_id FROM purchase_order WHERE portal_id = :portal AND campaign_id = :campaign";

    private final DatabaseClient database;
    private final TransactionalOperator snapshot;

    public R2dbcStatementFacts(DatabaseClient database, TransactionalOperator snapshot) {
        this.database = database;
        this.snapshot = snapshot;
    }

    @Override
    public Mono<MoneyFacts> ofInvestor(PortalId portalId, InvestorId investorId, Instant from, Instant until) {
        Map<String, Object> scope = Map.of(
                "portal", portalId.value(),
                "investor", investorId.value(),
                "from", Objects.requireNonNull(Sql.timestamp(from)),
                "until", Objects.requireNonNull(Sql.timestamp(until)));
        Mono<MoneyFacts> facts = Sql.exists(
                        database.sql("SELECT 1 FROM investor WHERE investor_id = :investor AND portal_id = :portal")
                                .bind("investor", investorId.value())
                                .bind("portal", portalId.value()))
                .filter(Boolean::booleanValue)
                .flatMap(found -> facts(INVESTOR_ORDERS, scope, Mono.just(List.of())));
        return facts.as(snapshot::transactional);
    }

    @Override
    public Mono<CampaignFacts> ofCampaign(PortalId portalId, CampaignId campaignId) {
        Map<String, Object> scope = Map.of("portal", portalId.value(), "campaign", campaignId.value());
        Mono<CampaignFacts> facts = database.sql(
                        "SELECT currency FROM campaign WHERE campaign_id = :campaign AND portal_id = :portal")
                .bind("campaign", campaignId.value())
                .bind("portal", portalId.value())
                .map(row -> Objects.requireNonNull(row.get("currency", String.class)))
                .one()
                .flatMap(currency -> facts(CAMPAIGN_ORDERS, scope, payouts(scope))
                        .map(loaded -> new CampaignFacts(currency, loaded)));
        return facts.as(snapshot::transactional);
    }

    @Override
    public Mono<PortalId> portalOfInvestor(InvestorId investorId) {
        return database.sql("SELECT portal_id FROM investor WHERE investor_id = :investor")
                .bind("investor", investorId.value())
                .map(row -> PortalId.of(Objects.requireNonNull(row.get("portal_id", String.class))))
                .one();
    }

    @Override
    public Mono<PortalId> portalOfCampaign(CampaignId campaignId) {
        return database.sql("SELECT portal_id FROM campaign WHERE campaign_id = :campaign")
                .bind("campaign", campaignId.value())
                .map(row -> PortalId.of(Objects.requireNonNull(row.get("portal_id", String.class))))
                .one();
    }

    // Sequential: the queries share the transaction's one connection.
    private Mono<MoneyFacts> facts(String orders, Map<String, Object> scope, Mono<List<Payout>> payouts) {
        return list(
                        "SELECT * FROM purchase_order WHERE order_id IN (" + orders + ") ORDER BY created_at, order_id",
                        scope,
                        R2dbcStatementFacts::order)
                .zipWhen(o -> list(
                        """
                        SELECT m.*, c.received_at FROM moneyin m JOIN credit c ON c.notification_id = m.notification_id
                         WHERE m.order_id IN (%s) ORDER BY c.received_at, m.moneyin_id"""
                                .formatted(orders),
                        scope,
                        R2dbcStatementFacts::payment))
                .zipWhen(t -> list(
                        """
                        SELECT r.refund_id, r.order_id, r.moneyin_id, r.amount, r.currency, r.created_at,
                               i.instruction_id, i.status AS instruction_status, i.executed_at
                          FROM refund r JOIN payment_instruction i ON i.instruction_id = r.instruction_id
                         WHERE r.order_id IN (%s) ORDER BY r.created_at, r.refund_id"""
                                .formatted(orders),
                        scope,
                        R2dbcStatementFacts::refund))
                .zipWhen(t -> list(
                        """
                        SELECT moneyout_id, order_id, type, amount, currency, executed_at FROM moneyout
                         WHERE order_id IN (%s) AND status = 'EXECUTED' AND replaced_at IS NULL
                         ORDER BY executed_at, moneyout_id"""
                                .formatted(orders),
                        scope,
                        R2dbcStatementFacts::executed))
                .zipWhen(t -> list(
                        "SELECT * FROM chargeback_reversal WHERE order_id IN (" + orders
                                + ") ORDER BY reversed_at, moneyin_id",
                        scope,
                        R2dbcStatementFacts::chargeback))
                .zipWhen(t -> payouts)
                .map(t -> new MoneyFacts(
                        t.getT1().getT1().getT1().getT1().getT1(),
                        t.getT1().getT1().getT1().getT1().getT2(),
                        t.getT1().getT1().getT1().getT2(),
                        t.getT1().getT1().getT2(),
                        t.getT1().getT2(),
                        t.getT2()));
    }

    /** The live link of each payout instruction chain (a re-issue replaces a failed one). */
    private Mono<List<Payout>> payouts(Map<String, Object> scope) {
        return Mono.defer(() -> list(
                """
                SELECT i.instruction_id, i.type, i.amount, i.currency, i.status, i.executed_at, c.success_fee
                  FROM cashout c JOIN payment_instruction i ON i.cashout_id = c.cashout_id
                 WHERE c.campaign_id = :campaign AND c.portal_id = :portal AND i.reissued_as IS NULL
                   AND i.type IN ('CASHOUT', 'FEE_PAYOUT')
                 ORDER BY i.created_at, i.instruction_id""",
                scope,
                R2dbcStatementFacts::payout));
    }

    private <T> Mono<List<T>> list(String sql, Map<String, Object> scope, Function<Readable, T> map) {
        DatabaseClient.GenericExecuteSpec query = database.sql(sql);
        for (Map.Entry<String, Object> parameter : scope.entrySet()) {
            if (sql.contains(":" + parameter.getKey())) {
                query = query.bind(parameter.getKey(), parameter.getValue());
            }
        }
        return query.map(map::apply).all().collectList();
    }

    private static OrderFact order(Readable row) {
        String currency = text(row, "currency");
        return new OrderFact(
                OrderId.of(text(row, "order_id")),
                CampaignId.of(text(row, "campaign_id")),
                text(row, "status"),
                money(row, "total_amount", currency),
                money(row, "order_amount", currency),
                money(row, "fee_amount", currency),
                instant(row, "created_at"));
    }

    private static Payment payment(Readable row) {
        return new Payment(
                MoneyinId.of(text(row, "moneyin_id")),
                OrderId.of(text(row, "order_id")),
                money(row, "amount", text(row, "currency")),
                instant(row, "received_at"),
                PaymentChannel.valueOf(text(row, "channel")),
                row.get("payer_name", String.class),
                row.get("payer_iban", String.class),
                row.get("psp_reference", String.class),
                text(row, "status"),
                nullableInstant(row, "recalled_at"));
    }

    private static Refund refund(Readable row) {
        return new Refund(
                RefundId.of(text(row, "refund_id")),
                OrderId.of(text(row, "order_id")),
                MoneyinId.of(text(row, "moneyin_id")),
                money(row, "amount", text(row, "currency")),
                instant(row, "created_at"),
                InstructionId.of(text(row, "instruction_id")),
                text(row, "instruction_status"),
                nullableInstant(row, "executed_at"));
    }

    private static ExecutedPart executed(Readable row) {
        return new ExecutedPart(
                MoneyoutId.of(text(row, "moneyout_id")),
                OrderId.of(text(row, "order_id")),
                text(row, "type"),
                money(row, "amount", text(row, "currency")),
                nullableInstant(row, "executed_at"));
    }

    private static Chargeback chargeback(Readable row) {
        return new Chargeback(
                MoneyinId.of(text(row, "moneyin_id")),
                OrderId.of(text(row, "order_id")),
                money(row, "amount", text(row, "currency")),
                instant(row, "reversed_at"));
    }

    private static Payout payout(Readable row) {
        String currency = text(row, "currency");
        boolean feePayout = "FEE_PAYOUT".equals(text(row, "type"));
        return new Payout(
                InstructionId.of(text(row, "instruction_id")),
                text(row, "type"),
                money(row, "amount", currency),
                feePayout ? money(row, "success_fee", currency) : Money.zero(currency),
                text(row, "status"),
                nullableInstant(row, "executed_at"));
    }

    private static String text(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, String.class), column);
    }

    private static Money money(Readable row, String column, String currency) {
        return Money.of(Objects.requireNonNull(row.get(column, BigDecimal.class), column), currency);
    }

    private static Instant instant(Readable row, String column) {
        return Objects.requireNonNull(nullableInstant(row, column), column);
    }

    private static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
