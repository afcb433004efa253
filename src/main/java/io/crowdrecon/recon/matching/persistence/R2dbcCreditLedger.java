package io.crowdrecon.recon.matching.persistence;

import io.crowdrecon.recon.matching.Bookings.RecordedCreditRow;
import io.crowdrecon.recon.matching.CreditFacts.BankReference;
import io.crowdrecon.recon.matching.CreditLedger;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The credit ledger on PostgreSQL: a handful of set-based statements per batch, whatever its size. */
public class R2dbcCreditLedger implements CreditLedger {

    /**
     * The credits booked under the wanted bank references: one probe of the unique index credit_bank_reference_once
     * per reference. A lateral subquery, so that the planner cannot choose a join that reads every bank credit: before
     * the table has statistics (a new database, before autovacuum's first ANALYZE) it took the partial index's
     * predicate for a selective one and hashed the whole account (CreditLedgerPlanIT). LIMIT 1: the index is unique.
     */
    static final String BY_BANK_REFERENCE =
            """
            SELECT c.notification_id, c.creditor_iban, c.bank_reference, c.amount, c.currency, c.booking_date
              FROM unnest(:ibans::text[], :refs::text[]) AS r(creditor_iban, bank_reference)
             CROSS JOIN LATERAL (SELECT * FROM credit
                                  WHERE creditor_iban = r.creditor_iban AND bank_reference = r.bank_reference
                                    AND channel = 'BANK_TRANSFER' AND outcome <> 'DUPLICATE_FEED'
                                  LIMIT 1) c""";

    private final DatabaseClient database;
    private final Clock clock;

    public R2dbcCreditLedger(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Mono<Recorded> recorded(Wanted wanted) {
        return Mono.zip(
                        recorded(wanted.notificationIds()),
                        recordedByReference(wanted.creditorIbans(), wanted.bankReferences()))
                .map(t -> new Recorded(t.getT1(), t.getT2()));
    }

    private Mono<Map<String, RecordedCredit>> recorded(List<String> notificationIds) {
        return database.sql(
                        """
                        SELECT notification_id, amount, currency, booking_date FROM credit
                         WHERE notification_id = ANY(:ids::text[])""")
                .bind("ids", notificationIds.toArray(String[]::new))
                .map(row -> new RecordedCredit(
                        row.get("notification_id", String.class),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("booking_date", LocalDate.class)))
                .all()
                .collectMap(RecordedCredit::notificationId);
    }

    private Mono<Map<BankReference, RecordedCredit>> recordedByReference(List<String> ibans, List<String> references) {
        if (ibans.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(BY_BANK_REFERENCE)
                .bind("ibans", ibans.toArray(String[]::new))
                .bind("refs", references.toArray(String[]::new))
                .map(row -> Map.entry(
                        new BankReference(
                                row.get("creditor_iban", String.class), row.get("bank_reference", String.class)),
                        new RecordedCredit(
                                row.get("notification_id", String.class),
                                row.get("amount", BigDecimal.class),
                                row.get("currency", String.class),
                                row.get("booking_date", LocalDate.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public Mono<Void> recordCredits(List<RecordedCreditRow> rows) {
        return insertCredits(rows);
    }

    private Mono<Void> insertCredits(List<RecordedCreditRow> rows) {
        java.time.Instant now = clock.instant();
        return BulkInsert.into("credit", rows)
                .text("notification_id", r -> r.credit().notificationId())
                .enumName("channel", r -> r.credit().channel())
                .numeric("amount", r -> r.credit().amount())
                .text("currency", r -> r.credit().currency())
                .text("creditor_iban", r -> r.credit().creditorIban())
                .text("bank_reference", r -> r.credit().bankReference())
                .date("booking_date", r -> r.credit().bookingDate())
                .timestamp("received_at", r -> r.credit().receivedAt())
                .text("payer_name", r -> r.credit().payerName())
                .text("payer_iban", r -> r.credit().payerIban())
                .text("description", r -> r.credit().description())
                .text("structured_reference", r -> r.credit().structuredReference())
                .text("psp_reference", r -> r.credit().pspReference())
                .text("card_order_id", r -> r.credit().cardOrderId())
                .text("return_of_instruction_id", r -> r.credit().returnOfInstructionId())
                .id("portal_id", RecordedCreditRow::portalId, PortalId::value)
                .enumName("outcome", RecordedCreditRow::outcome)
                .enumName("reason", RecordedCreditRow::reason)
                .id("order_id", RecordedCreditRow::orderId, OrderId::value)
                .text("duplicate_of", RecordedCreditRow::duplicateOf)
                .timestamp("recorded_at", r -> now)
                .execute(database)
                .then();
    }
}
