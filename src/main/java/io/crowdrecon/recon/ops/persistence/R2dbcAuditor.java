package io.crowdrecon.recon.ops.persistence;

import io.crowdrecon.recon.ops.AuditReport;
import io.crowdrecon.recon.ops.AuditReport.Breach;
import io.crowdrecon.recon.ops.AuditReport.Total;
import io.crowdrecon.recon.ops.Auditor;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit as set-based SQL, all of it read in one snapshot (the REPEATABLE READ, read-only
 * transaction it is given).
 */
public class R2dbcAuditor implements Auditor {

    /** The totals of SPEC.md section 7, each a query giving (currency, count, sum). */
    private static final Map<String, String> TOTALS = new LinkedHashMap<>();

    static {
        TOTALS.put("credits", "SELECT currency, count(*), coalesce(sum(amount), 0) FROM credit GROUP BY currency");
        TOTALS.put("moneyins", "SELECT currency, count(*), coalesce(sum(amount), 0) FROM moneyin GROUP BY currency");
        TOTALS.put(
                "unidentified",
                """
                SELECT currency, count(*), coalesce(sum(amount), 0) FROM unidentified_transfer GROUP BY currency""");
        TOTALS.put("returns", instructions("'TRANSFER_RETURN', 'CARD_REFUND'"));
        TOTALS.put("refunds", instructions("'REFUND'"));
        TOTALS.put("cashouts", instructions("'CASHOUT'"));
        TOTALS.put("feePayouts", instructions("'FEE_PAYOUT'"));
        TOTALS.put(
                "duplicates",
                """
                SELECT currency, count(*), coalesce(sum(amount), 0) FROM credit WHERE outcome = 'DUPLICATE_FEED'
                 GROUP BY currency""");
        TOTALS.put(
                "returnedInstructions",
                """
                SELECT currency, count(*), coalesce(sum(amount), 0) FROM credit WHERE outcome = 'INSTRUCTION_RETURNED'
                 GROUP BY currency""");
        TOTALS.put(
                "recalls",
                """
                SELECT currency, count(*), coalesce(sum(amount), 0) FROM moneyin WHERE status = 'RECALLED'
                 GROUP BY currency""");
        TOTALS.put(
                "creditsNotDecided",
                """
                SELECT coalesce(currency, 'UNKNOWN'), count(*), coalesce(sum(amount), 0) FROM undecided_credit
                 GROUP BY 1""");
    }

    /** Money paid out by instructions of these types: the live instruction of each chain (not FAILED). */
    private static String instructions(String types) {
        return "SELECT currency, count(*), coalesce(sum(amount), 0) FROM payment_instruction WHERE type IN (" + types
                + ") AND status <> 'FAILED' GROUP BY currency";
    }

    /** Each query lists breaches as (invariant, subject, expected, actual). */
    private static final List<String> BREACHES = List.of(
            // Σ decided credits − Σ duplicates = Σ moneyins + Σ unidentified + Σ returned-instruction credits
            """
            SELECT 'CREDITS_BALANCE', c.currency, c.decided, coalesce(m.total, 0) + coalesce(u.total, 0) + c.returned
              FROM (SELECT currency,
                           sum(amount) FILTER (WHERE outcome <> 'DUPLICATE_FEED') AS decided,
                           coalesce(sum(amount) FILTER (WHERE outcome = 'INSTRUCTION_RETURNED'), 0) AS returned
                      FROM credit GROUP BY currency) c
              LEFT JOIN (SELECT currency, sum(amount) AS total FROM moneyin GROUP BY currency) m
                     ON m.currency = c.currency
              LEFT JOIN (SELECT currency, sum(amount) AS total FROM unidentified_transfer GROUP BY currency) u
                     ON u.currency = c.currency
             WHERE coalesce(c.decided, 0) <> coalesce(m.total, 0) + coalesce(u.total, 0) + c.returned""",
            // every recorded credit has exactly one outcome, and the record it implies
            """
            SELECT 'CREDIT_OUTCOME', c.notification_id, c.amount,
                   coalesce(m.amount, u.amount, 0)
              FROM credit c
              LEFT JOIN moneyin m ON m.notification_id = c.notification_id
              LEFT JOIN unidentified_transfer u ON u.notification_id = c.notification_id
             WHERE (c.outcome = 'MATCHED' AND (m.moneyin_id IS NULL OR u.unidentified_transfer_id IS NOT NULL))
                OR (c.outcome = 'UNIDENTIFIED' AND (u.unidentified_transfer_id IS NULL OR m.moneyin_id IS NOT NULL))
                OR (c.outcome IN ('DUPLICATE_FEED', 'INSTRUCTION_RETURNED')
                    AND (m.moneyin_id IS NOT NULL OR u.unidentified_transfer_id IS NOT NULL))""",
            // each moneyin = Σ its moneyouts (a split moneyout counts through its two parts)
            """
            SELECT 'MONEYIN_MONEYOUTS', m.moneyin_id, m.amount, coalesce(sum(o.amount), 0)
              FROM moneyin m
              LEFT JOIN moneyout o ON o.moneyin_id = m.moneyin_id AND o.replaced_at IS NULL
             GROUP BY m.moneyin_id, m.amount
            HAVING m.amount <> coalesce(sum(o.amount), 0)""",
            // each unidentified transfer has exactly one return chain, every link of the same amount
            """
            SELECT 'UNIDENTIFIED_RETURN', u.unidentified_transfer_id, u.amount,
                   CASE WHEN count(i.instruction_id) FILTER (WHERE i.reissue_of IS NULL) = 1
                             AND bool_and(i.amount = u.amount) THEN u.amount ELSE 0 END
              FROM unidentified_transfer u
              LEFT JOIN payment_instruction i ON i.unidentified_transfer_id = u.unidentified_transfer_id
             GROUP BY u.unidentified_transfer_id, u.amount
            HAVING count(i.instruction_id) FILTER (WHERE i.reissue_of IS NULL) <> 1
                OR NOT coalesce(bool_and(i.amount = u.amount), false)""",
            // an ACCOUNTED order has exactly one live moneyin; a payable one has none
            """
            SELECT 'ORDER_MONEYIN', o.order_id, CASE WHEN o.status = 'ACCOUNTED' THEN 1 ELSE 0 END, count(m.moneyin_id)
              FROM purchase_order o
              LEFT JOIN moneyin m ON m.order_id = o.order_id AND m.status <> 'RECALLED'
             WHERE o.status IN ('ACCOUNTED', 'CREATED', 'WAITING', 'INCORRECT_AMOUNT')
             GROUP BY o.order_id, o.status
            HAVING count(m.moneyin_id) <> CASE WHEN o.status = 'ACCOUNTED' THEN 1 ELSE 0 END""",
            // per campaign: Σ executed COMPANY = cashout amount + success fee
            """
            SELECT 'CAMPAIGN_CASHOUT', k.campaign_id, coalesce(c.amount + c.success_fee, 0), k.executed
              FROM (SELECT campaign_id, sum(amount) FILTER (WHERE type = 'COMPANY' AND status = 'EXECUTED') AS executed
                      FROM moneyout WHERE replaced_at IS NULL GROUP BY campaign_id) k
              LEFT JOIN cashout c ON c.campaign_id = k.campaign_id
             WHERE coalesce(k.executed, 0) <> coalesce(c.amount + c.success_fee, 0)
            UNION ALL
            SELECT 'CAMPAIGN_CASHOUT', c.campaign_id, c.amount + c.success_fee, 0
              FROM cashout c
             WHERE c.amount + c.success_fee <> 0
               AND NOT EXISTS (SELECT 1 FROM moneyout m WHERE m.campaign_id = c.campaign_id AND m.type = 'COMPANY'
                                  AND m.status = 'EXECUTED' AND m.replaced_at IS NULL)""",
            // per campaign: Σ executed FEE + success fee = fee payout, and the instructions carry those amounts
            """
            SELECT 'CAMPAIGN_FEE_PAYOUT', c.campaign_id, c.fee_payout_amount,
                   c.success_fee + coalesce((SELECT sum(m.amount) FROM moneyout m
                                              WHERE m.campaign_id = c.campaign_id AND m.type = 'FEE'
                                                AND m.status = 'EXECUTED' AND m.replaced_at IS NULL), 0)
              FROM cashout c
             WHERE c.fee_payout_amount <> c.success_fee + coalesce((SELECT sum(m.amount) FROM moneyout m
                                              WHERE m.campaign_id = c.campaign_id AND m.type = 'FEE'
                                                AND m.status = 'EXECUTED' AND m.replaced_at IS NULL), 0)
            UNION ALL
            SELECT 'CAMPAIGN_PAYOUT_INSTRUCTIONS', c.campaign_id, c.amount + c.fee_payout_amount,
                   coalesce((SELECT sum(i.amount) FROM payment_instruction i
                              WHERE i.cashout_id = c.cashout_id AND i.reissued_as IS NULL), 0)
              FROM cashout c
             WHERE c.amount + c.fee_payout_amount <> coalesce((SELECT sum(i.amount) FROM payment_instruction i
                              WHERE i.cashout_id = c.cashout_id AND i.reissued_as IS NULL), 0)""",
            // per campaign: Σ REVERSED = Σ refunds + Σ recalled moneyins (+ Σ reversed chargebacks)
            """
            SELECT 'CAMPAIGN_REVERSED', k.campaign_id, k.refunded + k.recalled + k.chargebacks, k.reversed
              FROM (SELECT c.campaign_id,
                           coalesce((SELECT sum(amount) FROM moneyout m WHERE m.campaign_id = c.campaign_id
                                       AND m.status = 'REVERSED' AND m.replaced_at IS NULL), 0) AS reversed,
                           coalesce((SELECT sum(amount) FROM refund r WHERE r.campaign_id = c.campaign_id), 0) AS refunded,
                           coalesce((SELECT sum(amount) FROM moneyin i WHERE i.campaign_id = c.campaign_id
                                       AND i.status = 'RECALLED'), 0) AS recalled,
                           coalesce((SELECT sum(amount) FROM chargeback_reversal b
                                      WHERE b.campaign_id = c.campaign_id), 0) AS chargebacks
                      FROM campaign c) k
             WHERE k.reversed <> k.refunded + k.recalled + k.chargebacks""",
            // every reconciled statement's difference with the books is explained by the exceptions it lists
            """
            SELECT 'STATEMENT_EXPLAINED', bank_statement_id, difference, explained
              FROM bank_statement
             WHERE status IN ('RECONCILED', 'BREAKS') AND difference IS DISTINCT FROM explained""",
            // every booked entry of a booked statement corresponds to exactly one notification (a mismatch is
            // a review item of its own)
            """
            SELECT 'STATEMENT_ENTRY_NOTIFICATION', e.bank_statement_id || '#' || (e.entry_index + 1) || '.'
                       || (e.transaction_index + 1), 1, n.found
              FROM bank_statement_entry e
              CROSS JOIN LATERAL (
                    SELECT (SELECT count(*) FROM credit c WHERE c.notification_id = e.notification_id)
                         + (SELECT count(*) FROM debit d WHERE d.notification_id = e.notification_id) AS found) n
             WHERE e.outcome NOT IN ('NOT_BOOKED', 'INVALID', 'MISMATCHED') AND n.found <> 1""");

    private final DatabaseClient database;
    private final TransactionalOperator snapshot;
    private final Clock clock;

    public R2dbcAuditor(DatabaseClient database, TransactionalOperator snapshot, Clock clock) {
        this.database = database;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    @Override
    public Mono<AuditReport> audit() {
        // Sequential: the queries share the transaction's one connection.
        Mono<AuditReport> report =
                totals().zipWhen(totals -> breaches()).map(t -> new AuditReport(clock.instant(), t.getT1(), t.getT2()));
        return report.as(snapshot::transactional);
    }

    private Mono<Map<String, Map<String, Total>>> totals() {
        return Flux.fromIterable(TOTALS.entrySet())
                .concatMap(entry -> database.sql(entry.getValue())
                        .map(row -> new Object[] {
                            entry.getKey(),
                            row.get(0, String.class),
                            new Total(row.get(1, Long.class), row.get(2, BigDecimal.class))
                        })
                        .all())
                .collectList()
                .map(rows -> {
                    Map<String, Map<String, Total>> byCurrency = new TreeMap<>();
                    for (Object[] row : rows) {
                        byCurrency
                                .computeIfAbsent((String) row[1], currency -> emptyTotals())
                                .put((String) row[0], (Total) row[2]);
                    }
                    return byCurrency;
                });
    }

    private static Map<String, Total> emptyTotals() {
        Map<String, Total> totals = new LinkedHashMap<>();
        TOTALS.keySet().forEach(name -> totals.put(name, Total.ZERO));
        return totals;
    }

    private Mono<List<Breach>> breaches() {
        return Flux.fromIterable(BREACHES)
                .concatMap(sql -> database.sql(sql)
                        .map(row -> new Breach(
                                row.get(0, String.class),
                                row.get(1, String.class),
                                toDecimal(row.get(2)),
                                toDecimal(row.get(3))))
                        .all())
                .collectList()
                .map(ArrayList::new);
    }

    private static BigDecimal toDecimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return new BigDecimal(value.toString());
    }
}
