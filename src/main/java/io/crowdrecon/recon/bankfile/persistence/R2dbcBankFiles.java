package io.crowdrecon.recon.bankfile.persistence;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileSource;
import io.crowdrecon.recon.bankfile.BankFileStatus;
import io.crowdrecon.recon.bankfile.BankFileTrigger;
import io.crowdrecon.recon.bankfile.BankFiles;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Transition;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcBankFiles implements BankFiles {

    private final DatabaseClient database;

    public R2dbcBankFiles(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<BankFile> register(BankFileId bankFileId, BankFileSource source, Instant at) {
        return database.sql(
                        """
                        INSERT INTO bank_file (bank_file_id, sha256, size_bytes, source, source_detail, status, received_at)
                        VALUES (:id, :sha256, :size, :source, :detail, 'RECEIVED', :at)
                        ON CONFLICT (sha256) DO NOTHING""")
                .bind("id", bankFileId.value())
                .bind("sha256", source.sha256())
                .bind("size", source.sizeBytes())
                .bind("source", source.source())
                .bind("detail", Sql.nullable(source.sourceDetail(), String.class))
                .bind("at", Sql.timestamp(at))
                .then()
                .then(database.sql("SELECT * FROM bank_file WHERE sha256 = :sha256")
                        .bind("sha256", source.sha256())
                        .map(R2dbcBankFiles::file)
                        .one());
    }

    @Override
    public Mono<BankFile> bySha256(byte[] sha256) {
        return database.sql("SELECT * FROM bank_file WHERE sha256 = :sha256")
                .bind("sha256", sha256)
                .map(R2dbcBankFiles::file)
                .one();
    }

    @Override
    public Mono<Void> forgetReceived(byte[] sha256) {
        return database.sql("DELETE FROM bank_file WHERE sha256 = :sha256 AND status = 'RECEIVED'")
                .bind("sha256", sha256)
                .then();
    }

    @Override
    public Mono<BankFile> lock(BankFileId bankFileId) {
        return database.sql("SELECT * FROM bank_file WHERE bank_file_id = :id FOR UPDATE")
                .bind("id", bankFileId.value())
                .map(R2dbcBankFiles::file)
                .one();
    }

    @Override
    public Mono<Void> booked(
            BankFileId bankFileId,
            Transition<BankFileStatus, BankFileTrigger> row,
            BankFileItem.FileHeader header,
            int statements,
            int entries,
            Instant at) {
        return database.sql(
                        """
                        UPDATE bank_file SET status = :to, format = :format, version = :version,
                               message_id = :messageId, statements = :statements, entries = :entries, booked_at = :at
                         WHERE bank_file_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("from", Sql.names(row.from()))
                .bind("format", header.format().name())
                .bind("version", Sql.nullable(header.version(), String.class))
                .bind("messageId", Sql.nullable(header.messageId(), String.class))
                .bind("statements", statements)
                .bind("entries", entries)
                .bind("at", Sql.timestamp(at))
                .bind("id", bankFileId.value())
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> moved(rows, bankFileId, row));
    }

    @Override
    public Mono<Void> rejected(
            BankFileId bankFileId,
            Transition<BankFileStatus, BankFileTrigger> row,
            BankFileItem.@Nullable FileHeader header,
            String reason,
            Instant at) {
        return database.sql(
                        """
                        UPDATE bank_file SET status = :to, format = :format, version = :version,
                               message_id = :messageId, reason = :reason, booked_at = :at
                         WHERE bank_file_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("from", Sql.names(row.from()))
                .bind(
                        "format",
                        Sql.nullable(header == null ? null : header.format().name(), String.class))
                .bind("version", Sql.nullable(header == null ? null : header.version(), String.class))
                .bind("messageId", Sql.nullable(header == null ? null : header.messageId(), String.class))
                .bind("reason", reason)
                .bind("at", Sql.timestamp(at))
                .bind("id", bankFileId.value())
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> moved(rows, bankFileId, row));
    }

    private static Mono<Void> moved(long rows, BankFileId bankFileId, Transition<BankFileStatus, BankFileTrigger> row) {
        return rows == 1
                ? Mono.empty()
                : Mono.error(new IllegalStateException("expected to move bank file " + bankFileId + " from "
                        + row.from() + " on " + row.trigger() + ", moved " + rows));
    }

    @Override
    public Mono<BankFile> byId(BankFileId bankFileId) {
        return database.sql("SELECT * FROM bank_file WHERE bank_file_id = :id")
                .bind("id", bankFileId.value())
                .map(R2dbcBankFiles::file)
                .one();
    }

    @Override
    public Mono<Page<BankFile>> page(PageRequest page) {
        Mono<Long> total = database.sql("SELECT count(*) FROM bank_file")
                .map(row -> row.get(0, Long.class))
                .one();
        return database.sql(
                        """
                        SELECT * FROM bank_file ORDER BY received_at DESC, bank_file_id DESC
                         LIMIT :limit OFFSET :offset""")
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcBankFiles::file)
                .all()
                .collectList()
                .zipWith(total, (items, count) -> new Page<>(items, page.page(), page.size(), count));
    }

    private static BankFile file(Readable row) {
        String format = row.get("format", String.class);
        return new BankFile(
                new BankFileId(row.get("bank_file_id", String.class)),
                BankFileStatus.valueOf(row.get("status", String.class)),
                format == null ? null : BankFileFormat.valueOf(format),
                row.get("version", String.class),
                row.get("message_id", String.class),
                row.get("source", String.class),
                row.get("source_detail", String.class),
                row.get("size_bytes", Long.class),
                HexFormat.of().formatHex(row.get("sha256", byte[].class)),
                row.get("reason", String.class),
                row.get("statements", Integer.class),
                row.get("entries", Integer.class),
                Sql.instant(row.get("received_at", OffsetDateTime.class)),
                Sql.instant(row.get("booked_at", OffsetDateTime.class)));
    }
}
