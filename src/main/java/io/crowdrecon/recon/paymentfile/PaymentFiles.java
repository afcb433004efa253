package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PaymentFileId;
import io.crowdrecon.recon.shared.Transition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Built payment files: their rows, which instructions each carries, and their bytes in chunks. */
public interface PaymentFiles {

    /** Moves the file along {@code row} of {@link PaymentFileTransitions}: the bank's pain.002 answered it. */
    Mono<Void> reported(PaymentFileId paymentFileId, Transition<PaymentFileStatus, PaymentFileTrigger> row);

    /** The largest chunk of a file's bytes stored in one row. */
    int CHUNK_BYTES = 64 * 1024;

    /**
     * Takes the building lock until the transaction ends: a second instance building at the same moment waits, then
     * finds the instructions the first put in files already taken.
     */
    Mono<Void> lockBuilds();

    /**
     * Stores {@code file} and the instructions it carries, in file order. Errors (and so aborts the transaction) when
     * one of them is already in a file: the database holds an instruction in at most one.
     */
    Mono<Void> add(PaymentFile file, List<InstructionId> instructionIds);

    /** Stores chunk {@code seq} (0, 1, …) of the file's bytes, at most {@link #CHUNK_BYTES}. */
    Mono<Void> addChunk(PaymentFileId paymentFileId, int seq, byte[] bytes);

    Mono<PaymentFile> byId(PaymentFileId paymentFileId);

    /** The file, locked until the transaction ends; empty when unknown. */
    Mono<PaymentFile> lock(PaymentFileId paymentFileId);

    /**
     * Moves the file along {@code row} of {@link PaymentFileTransitions} to SENT, taken at {@code at} as {@code
     * sentBy} said; errors with IllegalStateException when it was not in {@code row.from()} (the caller holds its
     * lock).
     */
    Mono<Void> sent(
            PaymentFileId paymentFileId,
            Transition<PaymentFileStatus, PaymentFileTrigger> row,
            String sentBy,
            Instant at);

    /** The file's bytes, chunk after chunk, one chunk read at a time; empty for an unknown file. */
    Flux<byte[]> content(PaymentFileId paymentFileId);

    /** A page of files, newest first, of {@code status} when not null. */
    Mono<Page<PaymentFile>> page(@Nullable PaymentFileStatus status, PageRequest page);

    /** The instructions the file carries as they are now, in file order. */
    Flux<CarriedInstruction> carried(PaymentFileId paymentFileId);

    /** The instructions the file carries, in file order. */
    Flux<InstructionId> instructionIds(PaymentFileId paymentFileId);
}
