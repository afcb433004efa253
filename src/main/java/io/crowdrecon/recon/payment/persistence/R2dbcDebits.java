package io.crowdrecon.recon.payment.persistence;

import io.crowdrecon.recon.payment.instruction.BankDebit;
import io.crowdrecon.recon.payment.instruction.Debits;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcDebits implements Debits {

    private final DatabaseClient database;

    public R2dbcDebits(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> isRecorded(String notificationId) {
        return Sql.exists(
                database.sql("SELECT 1 FROM debit WHERE notification_id = :id").bind("id", notificationId));
    }

    @Override
    public Mono<Void> record(BankDebit debit, Outcome outcome, Instant at) {
        return database.sql(
                        """
                        INSERT INTO debit (notification_id, instruction_id, status, return_of_notification_id, amount,
                                           currency, booking_date, reason, outcome, recorded_at)
                        VALUES (:id, :instruction, :status, :returnOf, :amount, :currency, :bookingDate, :reason,
                                :outcome, :at)""")
                .bind("id", debit.notificationId())
                .bind("instruction", Sql.nullable(debit.instructionId(), String.class))
                .bind(
                        "status",
                        Sql.nullable(
                                debit.status() == null ? null : debit.status().name(), String.class))
                .bind("returnOf", Sql.nullable(debit.returnOfNotificationId(), String.class))
                .bind("amount", Sql.nullable(debit.amount(), BigDecimal.class))
                .bind("currency", Sql.nullable(debit.currency(), String.class))
                .bind("bookingDate", Sql.nullable(debit.bookingDate(), LocalDate.class))
                .bind("reason", Sql.nullable(debit.reason(), String.class))
                .bind("outcome", outcome.name())
                .bind("at", Sql.timestamp(at))
                .then();
    }

    @Override
    public Mono<CreditSummary> credit(String notificationId) {
        return database.sql(
                        "SELECT notification_id, amount, currency, outcome, order_id FROM credit WHERE notification_id = :id")
                .bind("id", notificationId)
                .map(row -> new CreditSummary(
                        row.get("notification_id", String.class),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("outcome", String.class),
                        Sql.id(row.get("order_id", String.class), OrderId::of)))
                .one();
    }
}
