package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Transition;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Every bank file received, whatever became of it. */
public interface BankFiles {

    /** A file as the books keep it. {@code format} and {@code version} are null when it could not be read. */
    record BankFile(
            BankFileId bankFileId,
            BankFileStatus status,
            @Nullable BankFileFormat format,
            @Nullable String version,
            @Nullable String messageId,
            String source,
            @Nullable String sourceDetail,
            long sizeBytes,
            String sha256,
            @Nullable String reason,
            int statements,
            int entries,
            Instant receivedAt,
            @Nullable Instant bookedAt) {}

    /**
     * Registers a received file as RECEIVED; when the same bytes were received before, emits that
     * file instead (whatever its status) and registers nothing.
     */
    Mono<BankFile> register(BankFileId bankFileId, BankFileSource source, Instant at);

    /** The file received with these bytes, whatever its status. */
    Mono<BankFile> bySha256(byte[] sha256);

    /**
     * Removes the file received with these bytes if it is still RECEIVED (waiting, when another instance holds it,
     * until that one's transaction ends): its statements were booked from another file meanwhile, so it is that file
     * again and, like the same file received after it, leaves no row of its own.
     */
    Mono<Void> forgetReceived(byte[] sha256);

    /** The file, locked until the transaction ends (so that two instances never book it twice). */
    Mono<BankFile> lock(BankFileId bankFileId);

    /**
     * Moves the file along {@code row} of {@link BankFileTransitions} (RECEIVED → BOOKED), with what it held; errors
     * with IllegalStateException when it was not in {@code row.from()} (the caller holds its lock).
     */
    Mono<Void> booked(
            BankFileId bankFileId,
            Transition<BankFileStatus, BankFileTrigger> row,
            BankFileItem.FileHeader header,
            int statements,
            int entries,
            Instant at);

    /**
     * Moves the file along {@code row} of {@link BankFileTransitions} (RECEIVED → REJECTED) with the reason;
     * {@code header} is null when not even the format was read. Errors with IllegalStateException when it was not in
     * {@code row.from()} (the caller holds its lock).
     */
    Mono<Void> rejected(
            BankFileId bankFileId,
            Transition<BankFileStatus, BankFileTrigger> row,
            BankFileItem.@Nullable FileHeader header,
            String reason,
            Instant at);

    Mono<BankFile> byId(BankFileId bankFileId);

    /** Newest first. */
    Mono<Page<BankFile>> page(PageRequest page);
}
