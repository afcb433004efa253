package io.crowdrecon.recon.matching.persistence;

import io.crowdrecon.recon.matching.Bookings;
import io.crowdrecon.recon.matching.Bookings.InstructionFailure;
import io.crowdrecon.recon.matching.Bookings.RecordedCreditRow;
import io.crowdrecon.recon.matching.CreditFacts;
import io.crowdrecon.recon.matching.CreditFacts.BankReference;
import io.crowdrecon.recon.matching.CreditFacts.ReturnableInstruction;
import io.crowdrecon.recon.matching.CreditLedger;
import io.crowdrecon.recon.matching.CreditMatcher;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.order.Orders.OrderMoveStep;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.instruction.InstructionTransitions;
import io.crowdrecon.recon.payment.instruction.InstructionTrigger;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.crowdrecon.recon.unidentified.UnidentifiedTransitions;
import io.crowdrecon.recon.unidentified.UnidentifiedTrigger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The credit ledger on PostgreSQL: a handful of set-based statements per batch, whatever its size. */
public class R2dbcCreditLedger implements CreditLedger {

    private final DatabaseClient database;
    private final Orders orders;
    private final Moneyins moneyins;
    private final Moneyouts moneyouts;
    private final UnidentifiedTransfers unidentifiedTransfers;
    private final PaymentInstructions instructions;
    private final ReviewItems reviewItems;
    private final Clock clock;

    public R2dbcCreditLedger(
            DatabaseClient database,
            Orders orders,
            Moneyins moneyins,
            Moneyouts moneyouts,
            UnidentifiedTransfers unidentifiedTransfers,
            PaymentInstructions instructions,
            ReviewItems reviewItems,
            Clock clock) {
        this.database = database;
        this.orders = orders;
        this.moneyins = moneyins;
        this.moneyouts = moneyouts;
        this.unidentifiedTransfers = unidentifiedTransfers;
        this.instructions = instructions;
        this.reviewItems = reviewItems;
        this.clock = clock;
    }

    @Override
    public Mono<CreditFacts> factsFor(List<IncomingCredit> credits) {
        TreeSet<String> orderIds = new TreeSet<>();
        TreeSet<String> instructionIds = new TreeSet<>();
        List<String> notificationIds = new ArrayList<>();
        List<String> creditorIbans = new ArrayList<>();
        List<String> bankReferences = new ArrayList<>();
        for (IncomingCredit credit : credits) {
            notificationIds.add(credit.notificationId());
            CreditMatcher.namedOrder(credit).map(OrderId::value).ifPresent(orderIds::add);
            if (credit.returnOfInstructionId() != null) {
                instructionIds.add(credit.returnOfInstructionId());
            }
            if (!credit.isCard()) {
                creditorIbans.add(credit.creditorIban());
                bankReferences.add(credit.bankReference());
            }
        }
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

    private Mono<Map<String, Order>> lockOrders(TreeSet<String> orderIds) {
        return orders.lockAll(orderIds).collectMap(Order::orderId);
    }

    private Mono<Map<String, ReturnableInstruction>> lockInstructions(TreeSet<String> instructionIds) {
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
    public Mono<Void> record(Bookings bookings) {
        List<OrderMoveStep> steps = bookings.orderMoves().stream()
                .map(move -> new OrderMoveStep(move.orderId(), move.change()))
                .toList();
        Map<String, List<String>> failedByReason = bookings.instructionFailures().stream()
                .collect(Collectors.groupingBy(
                        InstructionFailure::reason,
                        TreeMap::new,
                        Collectors.mapping(InstructionFailure::instructionId, Collectors.toList())));
        List<String> failedReturns = bookings.instructionFailures().stream()
                .map(InstructionFailure::unidentifiedTransferId)
                .filter(Objects::nonNull)
                .toList();
        return insertCredits(bookings.credits())
                .then(orders.moveAll(steps))
                .then(moneyins.addAll(bookings.moneyins()))
                .then(moneyouts.addAll(bookings.moneyouts()))
                .then(unidentifiedTransfers.addAll(bookings.unidentifiedTransfers()))
                .then(instructions.addAll(bookings.instructions()))
                .then(Flux.fromIterable(failedByReason.entrySet())
                        .concatMap(failed -> instructions.moveAll(
                                failed.getValue(),
                                InstructionTransitions.row(InstructionTrigger.RETURNED_BY_BANK),
                                failed.getKey(),
                                clock.instant()))
                        .then())
                .then(unidentifiedTransfers.moveAll(
                        failedReturns,
                        UnidentifiedTransitions.row(UnidentifiedTrigger.RETURN_CAME_BACK),
                        clock.instant()))
                .then(reviewItems.addAll(bookings.reviewItems()));
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
