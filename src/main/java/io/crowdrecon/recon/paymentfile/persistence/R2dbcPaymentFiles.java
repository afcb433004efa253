package io.crowdrecon.recon.paymentfile.persistence;

import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.paymentfile.CarriedInstruction;
import io.crowdrecon.recon.paymentfile.Pain001Version;
import io.crowdrecon.recon.paymentfile.PaymentFile;
import io.crowdrecon.recon.paymentfile.PaymentFileStatus;
import io.crowdrecon.recon.paymentfile.PaymentFileTrigger;
import io.crowdrecon.recon.paymentfile.PaymentFiles;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PaymentFileId;
import io.crowdrecon.recon.shared.Transition;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Payment files in PostgreSQL: {@code payment_file}, {@code payment_file_instruction}, {@code payment_file_chunk}. */
public class R2dbcPaymentFiles implements PaymentFiles {

    /** The key of the build's advisory lock: any constant no other lock of the service uses. */
    private static final String BUILD_LOCK = "crowdrecon.payment-file-build";

    private final DatabaseClient database;

    public R2dbcPaymentFiles(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> lockBuilds() {
        return database.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .bind("key", BUILD_LOCK)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> add(PaymentFile file, List<InstructionId> instructionIds) {
        Mono<Long> row = database.sql(
                        """
                        INSERT INTO payment_file (payment_file_id, status, debtor_iban, debtor_name, execution_date,
                                                  pain_version, msg_id, nb_of_txs, ctrl_sum, sha256, size, created_at)
                        VALUES (:id, :status, :iban, :name, :date, :version, :msgId, :count, :sum, :sha256, :size, :at)""")
                .bind("id", file.paymentFileId().value())
                .bind("status", file.status().name())
                .bind("iban", file.debtorIban().value())
                .bind("name", file.debtorName())
                .bind("date", file.executionDate())
                .bind("version", file.version().label())
                .bind("msgId", file.messageId())
                .bind("count", Math.toIntExact(file.numberOfTransactions()))
                .bind("sum", file.controlSum())
                .bind("sha256", HexFormat.of().parseHex(file.sha256()))
                .bind("size", file.size())
                .bind("at", Objects.requireNonNull(Sql.timestamp(file.createdAt())))
                .fetch()
                .rowsUpdated();
        List<Carried> carried = IntStream.range(0, instructionIds.size())
                .mapToObj(i -> new Carried(instructionIds.get(i), i))
                .toList();
        return row.then(BulkInsert.into("payment_file_instruction", carried)
                        .text("instruction_id", c -> c.instructionId().value())
                        .text("payment_file_id", c -> file.paymentFileId().value())
                        .integer("position", Carried::position)
                        .execute(database))
                .then();
    }

    private record Carried(InstructionId instructionId, int position) {}

    @Override
    public Mono<Void> addChunk(PaymentFileId paymentFileId, int seq, byte[] bytes) {
        return database.sql("INSERT INTO payment_file_chunk (payment_file_id, seq, bytes) VALUES (:id, :seq, :bytes)")
                .bind("id", paymentFileId.value())
                .bind("seq", seq)
                .bind("bytes", bytes)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<PaymentFile> byId(PaymentFileId paymentFileId) {
        return database.sql("SELECT * FROM payment_file WHERE payment_file_id = :id")
                .bind("id", paymentFileId.value())
                .map(R2dbcPaymentFiles::file)
                .one();
    }

    @Override
    public Mono<PaymentFile> lock(PaymentFileId paymentFileId) {
        return database.sql("SELECT * FROM payment_file WHERE payment_file_id = :id FOR UPDATE")
                .bind("id", paymentFileId.value())
                .map(R2dbcPaymentFiles::file)
                .one();
    }

    @Override
    public Mono<Void> sent(
            PaymentFileId paymentFileId,
            Transition<PaymentFileStatus, PaymentFileTrigger> row,
            String sentBy,
            Instant at) {
        return database.sql(
                        """
                        UPDATE payment_file SET status = :to, sent_at = :at, sent_by = :by
                         WHERE payment_file_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("at", Sql.timestamp(at))
                .bind("by", sentBy)
                .bind("id", paymentFileId.value())
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException(
                                "payment file " + paymentFileId.value() + " was not in " + row.from())));
    }

    @Override
    public Mono<Void> reported(PaymentFileId paymentFileId, Transition<PaymentFileStatus, PaymentFileTrigger> row) {
        return database.sql(
                        """
                        UPDATE payment_file SET status = :to
                         WHERE payment_file_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("id", paymentFileId.value())
                .bind("from", Sql.names(row.from()))
                .then();
    }

    @Override
    public Flux<byte[]> content(PaymentFileId paymentFileId) {
        // One query per chunk, asked for only when the previous one is consumed: never more than a chunk in memory.
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(
                        seq -> database.sql(
                                        "SELECT bytes FROM payment_file_chunk WHERE payment_file_id = :id AND seq = :seq")
                                .bind("id", paymentFileId.value())
                                .bind("seq", seq)
                                .map(r -> Objects.requireNonNull(r.get("bytes", byte[].class)))
                                .one()
                                .defaultIfEmpty(new byte[0]),
                        1)
                .takeWhile(bytes -> bytes.length > 0);
    }

    @Override
    public Flux<InstructionId> instructionIds(PaymentFileId paymentFileId) {
        return database.sql(
                        """
                        SELECT instruction_id FROM payment_file_instruction
                         WHERE payment_file_id = :id ORDER BY position""")
                .bind("id", paymentFileId.value())
                .map(r -> new InstructionId(Objects.requireNonNull(r.get("instruction_id", String.class))))
                .all();
    }

    @Override
    public Mono<Page<PaymentFile>> page(@Nullable PaymentFileStatus status, PageRequest page) {
        String where = status == null ? "" : " WHERE status = :status";
        DatabaseClient.GenericExecuteSpec count = database.sql("SELECT count(*) FROM payment_file" + where);
        DatabaseClient.GenericExecuteSpec items = database.sql("SELECT * FROM payment_file" + where
                        + " ORDER BY created_at DESC, payment_file_id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", page.size())
                .bind("offset", page.offset());
        if (status != null) {
            count = count.bind("status", status.name());
            items = items.bind("status", status.name());
        }
        Mono<Long> total =
                count.map(row -> Objects.requireNonNull(row.get(0, Long.class))).one();
        return items.map(R2dbcPaymentFiles::file)
                .all()
                .collectList()
                .zipWith(total, (list, all) -> new Page<>(list, page.page(), page.size(), all));
    }

    @Override
    public Flux<CarriedInstruction> carried(PaymentFileId paymentFileId) {
        return database.sql(
                        """
                        SELECT i.instruction_id, i.amount, i.currency, i.creditor_name, i.creditor_iban, i.status
                          FROM payment_file_instruction f JOIN payment_instruction i USING (instruction_id)
                         WHERE f.payment_file_id = :id ORDER BY f.position""")
                .bind("id", paymentFileId.value())
                .map(row -> new CarriedInstruction(
                        new InstructionId(Objects.requireNonNull(row.get("instruction_id", String.class))),
                        Objects.requireNonNull(row.get("amount", BigDecimal.class)),
                        Objects.requireNonNull(row.get("currency", String.class)),
                        Objects.requireNonNull(row.get("creditor_name", String.class)),
                        Objects.requireNonNull(row.get("creditor_iban", String.class)),
                        InstructionStatus.valueOf(row.get("status", String.class))))
                .all();
    }

    static PaymentFile file(Readable row) {
        return new PaymentFile(
                new PaymentFileId(Objects.requireNonNull(row.get("payment_file_id", String.class))),
                PaymentFileStatus.valueOf(row.get("status", String.class)),
                Iban.parse(row.get("debtor_iban", String.class)),
                Objects.requireNonNull(row.get("debtor_name", String.class)),
                Objects.requireNonNull(row.get("execution_date", LocalDate.class)),
                Pain001Version.ofLabel(row.get("pain_version", String.class)).orElseThrow(),
                Objects.requireNonNull(row.get("msg_id", String.class)),
                Objects.requireNonNull(row.get("nb_of_txs", Integer.class)),
                Objects.requireNonNull(row.get("ctrl_sum", BigDecimal.class)),
                HexFormat.of().formatHex(row.get("sha256", byte[].class)),
                Objects.requireNonNull(row.get("size", Long.class)),
                Objects.requireNonNull(Sql.instant(row.get("created_at", OffsetDateTime.class))),
                Sql.instant(row.get("sent_at", OffsetDateTime.class)),
                row.get("sent_by", String.class));
    }
}
