package io.crowdrecon.recon.bankfile.persistence;

import io.crowdrecon.recon.bankfile.StatementBooks;
import io.crowdrecon.recon.bankfile.StatementReconciliation.BookCredit;
import io.crowdrecon.recon.bankfile.StatementReconciliation.BookExecution;
import io.crowdrecon.recon.bankfile.StatementReconciliation.Period;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcStatementBooks implements StatementBooks {

    private final DatabaseClient database;

    public R2dbcStatementBooks(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<PortalId> portalOf(String account) {
        return database.sql("SELECT portal_id FROM portal WHERE collection_iban = :account")
                .bind("account", account)
                .map(row -> PortalId.of(row.get("portal_id", String.class)))
                .one();
    }

    @Override
    public Mono<Map<String, RecordedCredit>> creditsByReference(String account, Collection<String> bankReferences) {
        String[] references =
                bankReferences.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (references.length == 0) {
            return Mono.just(Map.of());
        }
        // The predicate of the partial unique index credit_bank_reference_once: at most one row per reference.
        return database.sql(
                        """
                        SELECT notification_id, bank_reference, amount, currency, booking_date FROM credit
                         WHERE creditor_iban = :account AND bank_reference = ANY(:references::text[])
                           AND channel = 'BANK_TRANSFER' AND outcome <> 'DUPLICATE_FEED'""")
                .bind("account", account)
                .bind("references", references)
                .map(row -> Map.entry(
                        row.get("bank_reference", String.class),
                        new RecordedCredit(
                                row.get("notification_id", String.class),
                                row.get("amount", BigDecimal.class),
                                row.get("currency", String.class),
                                row.get("booking_date", LocalDate.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public Flux<BookCredit> creditsIn(String account, Period period) {
        return database.sql(
                        """
                        SELECT notification_id, bank_reference, amount, currency, booking_date FROM credit
                         WHERE creditor_iban = :account AND channel = 'BANK_TRANSFER'
                           AND booking_date BETWEEN :from AND :to AND outcome <> 'DUPLICATE_FEED'
                         ORDER BY booking_date, notification_id""")
                .bind("account", account)
                .bind("from", period.from())
                .bind("to", period.to())
                .map(row -> new BookCredit(
                        row.get("notification_id", String.class),
                        row.get("bank_reference", String.class),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("booking_date", LocalDate.class)))
                .all();
    }

    @Override
    public Flux<BookExecution> executionsIn(PortalId portalId, Period period) {
        // A plain join grouped per instruction (not a correlated subquery): one pass over the debits whatever the
        // number of instructions, and an index on debit (instruction_id) is used when there is one.
        return database.sql(
                        """
                        SELECT i.instruction_id, i.amount, i.currency,
                               coalesce(min(d.booking_date), (i.executed_at AT TIME ZONE 'UTC')::date) AS booking_date
                          FROM payment_instruction i
                          LEFT JOIN debit d ON d.instruction_id = i.instruction_id AND d.status = 'EXECUTED'
                         WHERE i.portal_id = :portal AND i.status = 'EXECUTED' AND i.channel = 'BANK_TRANSFER'
                         GROUP BY i.instruction_id
                        HAVING coalesce(min(d.booking_date), (i.executed_at AT TIME ZONE 'UTC')::date)
                               BETWEEN :from AND :to
                         ORDER BY booking_date, i.instruction_id""")
                .bind("portal", portalId.value())
                .bind("from", period.from())
                .bind("to", period.to())
                .map(row -> new BookExecution(
                        row.get("instruction_id", String.class),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("booking_date", LocalDate.class)))
                .all();
    }

    @Override
    public Mono<Void> markSource(Collection<String> notificationIds, String source) {
        if (notificationIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("UPDATE credit SET source = :source WHERE notification_id = ANY(:ids::text[])")
                .bind("source", source)
                .bind("ids", notificationIds.toArray(String[]::new))
                .then();
    }
}
