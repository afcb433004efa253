package io.crowdrecon.recon.export.persistence;

import io.crowdrecon.recon.export.ExportFilter;
import io.crowdrecon.recon.export.ExportKind;
import io.crowdrecon.recon.export.ExportRow;
import io.crowdrecon.recon.export.ExportRows;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.Money;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Keyset pages of the money tables: {@code WHERE (at, key) > (:afterAt, :afterKey) ORDER BY at, key LIMIT :size}, over
 * the indexes of V19 ({@code (portal_id, at, key)} for a portal, {@code (at, key)} across portals), so that every page
 * costs the same however deep the export goes. Each column is selected under its CSV name.
 */
public class R2dbcExportRows implements ExportRows {

    /** How one kind is read: its FROM clause, the sort columns, the portal and campaign columns, the SELECT list. */
    private record Source(String from, String at, String key, String portal, String campaign, String select) {}

    private static final Map<ExportKind, Source> SOURCES = Map.of(
            ExportKind.MONEYINS,
            new Source(
                    "moneyin m",
                    "m.created_at",
                    "m.moneyin_id",
                    "m.portal_id",
                    "m.campaign_id",
                    """
                    m.moneyin_id AS "moneyinId", m.order_id AS "orderId", m.campaign_id AS "campaignId",
                    m.portal_id AS "portalId", m.amount AS "amount", m.currency AS "currency", m.channel AS "channel",
                    m.payer_name AS "payerName", m.payer_iban AS "payerIban", m.psp_reference AS "pspReference",
                    m.notification_id AS "notificationId", m.status AS "status", m.created_at AS "createdDatetime",
                    m.recalled_at AS "recalledDatetime\""""),
            ExportKind.REFUNDS,
            new Source(
                    "refund r LEFT JOIN payment_instruction i ON i.instruction_id = r.instruction_id",
                    "r.created_at",
                    "r.refund_id",
                    "r.portal_id",
                    "r.campaign_id",
                    // A refund's status is its current instruction's (a re-issue replaces the instruction).
                    """
                    r.refund_id AS "refundId", r.order_id AS "orderId", r.campaign_id AS "campaignId",
                    r.portal_id AS "portalId", r.moneyin_id AS "moneyinId", r.amount AS "amount",
                    r.currency AS "currency", r.channel AS "channel", r.iban AS "iban",
                    r.psp_reference AS "pspReference", r.instruction_id AS "instructionId", i.status AS "status",
                    r.reason AS "reason", r.created_at AS "createdDatetime", i.executed_at AS "executedDatetime\""""),
            // status and returnStatus as the API shows them (unidentified.UnidentifiedState.of, in SQL here): RECEIVED
            // until the return executed, and the stored detail.
            ExportKind.UNIDENTIFIED_TRANSFERS,
            new Source(
                    "unidentified_transfer u LEFT JOIN purchase_order o ON o.order_id = u.candidate_order_id",
                    "u.received_at",
                    "u.unidentified_transfer_id",
                    "u.portal_id",
                    "o.campaign_id",
                    """
                    u.unidentified_transfer_id AS "unidentifiedTransferId", u.portal_id AS "portalId",
                    u.amount AS "amount", u.currency AS "currency", u.channel AS "channel",
                    u.payer_name AS "payerName", u.payer_iban AS "payerIban", u.description AS "description",
                    u.psp_reference AS "pspReference", u.reason AS "reason",
                    u.candidate_order_id AS "candidateOrderId", u.notification_id AS "notificationId",
                    CASE u.status WHEN 'RETURNED' THEN 'RETURNED' ELSE 'RECEIVED' END AS "status",
                    u.status AS "returnStatus", u.received_at AS "receivedDatetime",
                    u.returned_at AS "returnedDatetime\""""),
            ExportKind.PAYMENT_INSTRUCTIONS,
            new Source(
                    "payment_instruction p",
                    "p.created_at",
                    "p.instruction_id",
                    "p.portal_id",
                    "p.campaign_id",
                    """
                    p.instruction_id AS "instructionId", p.type AS "type", p.channel AS "channel",
                    p.status AS "status", p.amount AS "amount", p.currency AS "currency",
                    p.creditor_name AS "creditorName", p.creditor_iban AS "creditorIban",
                    p.remittance_information AS "remittanceInformation", p.psp_reference AS "pspReference",
                    p.portal_id AS "portalId", p.campaign_id AS "campaignId", p.order_id AS "orderId",
                    p.refund_id AS "refundId", p.cashout_id AS "cashoutId",
                    p.unidentified_transfer_id AS "unidentifiedTransferId", p.reissue_of AS "reissueOf",
                    p.failure_reason AS "failureReason", p.created_at AS "createdDatetime",
                    p.executed_at AS "executedDatetime\""""),
            ExportKind.MONEYOUTS,
            new Source(
                    "moneyout mo",
                    "mo.created_at",
                    "mo.moneyout_id",
                    "mo.portal_id",
                    "mo.campaign_id",
                    """
                    mo.moneyout_id AS "moneyoutId", mo.order_id AS "orderId", mo.moneyin_id AS "moneyinId",
                    mo.campaign_id AS "campaignId", mo.portal_id AS "portalId", mo.company_id AS "companyId",
                    mo.type AS "type", mo.status AS "status", mo.amount AS "amount", mo.currency AS "currency",
                    mo.split_of AS "splitOf", mo.cashout_id AS "cashoutId", mo.created_at AS "createdDatetime",
                    mo.executed_at AS "executedDatetime", mo.replaced_at AS "replacedDatetime\""""));

    private final DatabaseClient database;

    public R2dbcExportRows(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<List<ExportRow>> page(ExportKind kind, ExportFilter filter, @Nullable ExportRow after, int size) {
        Source source = java.util.Objects.requireNonNull(SOURCES.get(kind), "every kind has its source");
        DatabaseClient.GenericExecuteSpec query = database.sql(sql(source, filter, after))
                .bind("start", Sql.timestamp(filter.period().start()))
                .bind("end", Sql.timestamp(filter.period().end()))
                .bind("size", size);
        // Only the conditions that filter are written: "(:x IS NULL OR …)" would keep the planner off the index.
        if (filter.portalId() != null) {
            query = query.bind("portalId", filter.portalId().value());
        }
        if (filter.campaignId() != null) {
            query = query.bind("campaignId", filter.campaignId().value());
        }
        if (after != null) {
            query = query.bind("afterAt", Sql.timestamp(after.at())).bind("afterKey", after.key());
        }
        return query.map(row -> row(kind, row)).all().collectList();
    }

    private static String sql(Source source, ExportFilter filter, @Nullable ExportRow after) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(source.select())
                .append(", ")
                .append(source.at())
                .append(" AS sort_at, ")
                .append(source.key())
                .append(" AS sort_key FROM ")
                .append(source.from())
                .append(" WHERE ")
                .append(source.at())
                .append(" >= :start AND ")
                .append(source.at())
                .append(" < :end");
        if (filter.portalId() != null) {
            sql.append(" AND ").append(source.portal()).append(" = :portalId");
        }
        if (filter.campaignId() != null) {
            sql.append(" AND ").append(source.campaign()).append(" = :campaignId");
        }
        if (after != null) {
            sql.append(" AND (")
                    .append(source.at())
                    .append(", ")
                    .append(source.key())
                    .append(") > (:afterAt, :afterKey)");
        }
        return sql.append(" ORDER BY ")
                .append(source.at())
                .append(", ")
                .append(source.key())
                .append(" LIMIT :size")
                .toString();
    }

    private static ExportRow row(ExportKind kind, Readable row) {
        List<@Nullable Object> cells = new ArrayList<>(kind.columns().size());
        for (String column : kind.columns()) {
            cells.add(cell(column, row));
        }
        return new ExportRow(
                row.get("sort_at", OffsetDateTime.class).toInstant(), row.get("sort_key", String.class), cells);
    }

    private static @Nullable Object cell(String column, Readable row) {
        Object value = row.get(column);
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        if (value instanceof String stored && column.equals("channel")) {
            // Spelled as every answer and event spells it (MONEY_TRANSFER, CREDIT_CARD), not as stored.
            return Arrays.stream(PaymentChannel.values())
                    .filter(channel -> channel.name().equals(stored))
                    .findFirst()
                    .<Object>map(PaymentChannel::wireName)
                    .orElse(stored);
        }
        if (value instanceof BigDecimal amount && column.equals("amount")) {
            // With the currency's minor digits (1100.00 EUR); an amount that is no money of it stays as stored.
            String currency = row.get("currency", String.class);
            return Money.tryOf(amount, currency).<Object>map(money -> money).orElse(amount);
        }
        return value;
    }
}
