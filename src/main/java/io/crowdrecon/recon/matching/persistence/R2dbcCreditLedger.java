package io.crowdrecon.recon.matching.persistence;

import io.crowdrecon.recon.matching.Bookings.RecordedCreditRow;
import io.crowdrecon.recon.matching.CreditFacts;
import io.crowdrecon.recon.matching.CreditFacts.BankReference;
import io.crowdrecon.recon.matching.CreditFacts.ReturnableInstruction;
import io.crowdrecon.recon.matching.CreditLedger;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The credit ledger on PostgreSQL: a handful of set-based statements per batch, whatever its size. */
public class R2dbcCreditLedger implements CreditLedger {

    private final DatabaseClient database;
    private final Orders orders;
    private final Clock clock;

    public R2dbcCreditLedger(DatabaseClient database, Orders orders, Clock clock) {
        this.database = database;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Mono<CreditFacts> factsFor(Wanted wanted) {
        List<String> creditorIbans = wanted.creditorIbans();
        List<String> bankReferences = wanted.bankReferences();
        List<String> notificationIds = wanted.notificationIds();
        SortedSet<String> orderIds = wanted.orderIds();
        SortedSet<String> instructionIds = wanted.instructionIds();
        return Mono.zip(
                        recorded(notificationIds),
                        recordedByReference(creditorIbans, bankReferences),
                        portals(creditorIbans),
                        lockOrders(orderIds),
                        lockInstructions(instructionIds))
                .map(t -> new CreditFacts(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()));
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
        return database.sql(
                        """
                        SELECT c.notification_id, c.creditor_iban, c.bank_reference, c.amount, c.currency, c.booking_date
                          FROM credit c
                          JOIN unnest(:ibans::text[], :refs::text[]) AS r(creditor_iban, bank_reference)
                            ON c.creditor_iban = r.creditor_iban AND c.bank_reference = r.bank_reference
                         WHERE c.channel = 'BANK_TRANSFER' AND c.outcome <> 'DUPLICATE_FEED'""")
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

    private Mono<Map<String, String>> portals(List<String> ibans) {
        if (ibans.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("SELECT portal_id, collection_iban FROM portal WHERE collection_iban = ANY(:ibans::text[])")
                .bind(
                        "ibans",
                        ibans.stream().filter(Objects::nonNull).distinct().toArray(String[]::new))
                .map(row -> Map.entry(row.get("collection_iban", String.class), row.get("portal_id", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Map<String, Order>> lockOrders(SortedSet<String> orderIds) {
        return orders.lockAll(orderIds).collectMap(Order::orderId);
    }

    private Mono<Map<String, ReturnableInstruction>> lockInstructions(SortedSet<String> instructionIds) {
        if (instructionIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(
                        """
                        SELECT instruction_id, status, portal_id, order_id, unidentified_transfer_id
                          FROM payment_instruction WHERE instruction_id = ANY(:ids::text[])
                         ORDER BY instruction_id FOR UPDATE""")
                .bind("ids", instructionIds.toArray(String[]::new))
                .map(row -> new ReturnableInstruction(
                        row.get("instruction_id", String.class),
                        row.get("status", String.class),
                        row.get("portal_id", String.class),
                        row.get("order_id", String.class),
                        row.get("unidentified_transfer_id", String.class)))
                .all()
                .collectMap(ReturnableInstruction::instructionId);
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
                .text("portal_id", RecordedCreditRow::portalId)
                .enumName("outcome", RecordedCreditRow::outcome)
                .enumName("reason", RecordedCreditRow::reason)
                .text("order_id", RecordedCreditRow::orderId)
                .text("duplicate_of", RecordedCreditRow::duplicateOf)
                .timestamp("recorded_at", r -> now)
                .execute(database)
                .then();
    }
}
