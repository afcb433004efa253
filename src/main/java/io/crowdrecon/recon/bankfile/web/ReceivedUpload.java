package io.crowdrecon.recon.bankfile.web;

import io.crowdrecon.recon.bankfile.BankFileSource;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An uploaded bank file, streamed to a temporary file as it arrives (never whole in the heap), its
 * SHA-256 and length computed on the way; more than {@code maxBytes} is refused with 413 and
 * nothing is kept. The temporary file is deleted when {@link #delete()} runs.
 */
final class ReceivedUpload {

    private final Path file;
    private final BankFileSource source;

    private ReceivedUpload(Path file, BankFileSource source) {
        this.file = file;
        this.source = source;
    }

    BankFileSource source() {
        return source;
    }

    /** Receives {@code body} into a new temporary file; errors with PAYLOAD_TOO_LARGE past {@code maxBytes}. */
    static Mono<ReceivedUpload> receive(Flux<DataBuffer> body, long maxBytes, String sourceDetail) {
        return Mono.fromCallable(() -> Files.createTempFile("crowdrecon-bank-file-", ".upload"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> {
                    MessageDigest digest = sha256();
                    AtomicLong size = new AtomicLong();
                    Flux<DataBuffer> counted = body.doOnNext(buffer -> {
                        if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                            DataBufferUtils.release(buffer);
                            throw new DomainException(
                                    ErrorCode.PAYLOAD_TOO_LARGE,
                                    "A bank file is at most " + maxBytes / (1024 * 1024) + " MB");
                        }
                        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                            while (chunks.hasNext()) {
                                ByteBuffer chunk = chunks.next();
                                digest.update(chunk);
                            }
                        }
                    });
                    return DataBufferUtils.write(counted, file, StandardOpenOption.WRITE)
                            .then(Mono.fromSupplier(() -> new ReceivedUpload(
                                    file,
                                    new BankFileSource(
                                            digest.digest(), size.get(), "API", sourceDetail, () -> open(file)))))
                            .onErrorResume(error -> deleteQuietly(file).then(Mono.error(error)));
                });
    }

    /** Removes the temporary file; off the event loop. */
    Mono<Void> delete() {
        return deleteQuietly(file);
    }

    private static Mono<Void> deleteQuietly(Path file) {
        return Mono.fromCallable(() -> Files.deleteIfExists(file))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorReturn(false)
                .then();
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
