package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.paymentfile.PaymentFileGathering.Gathering;
import io.crowdrecon.recon.paymentfile.PaymentFileGathering.PlannedFile;
import io.crowdrecon.recon.paymentfile.PaymentFileGathering.PlannedTransfer;
import io.crowdrecon.recon.paymentfile.PaymentFileGathering.Refusal;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.PaymentFileId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Target2Calendar;
import io.crowdrecon.recon.shared.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Gathers the CREATED bank transfers in no file into pain.001 files, one per debtor account, for the next TARGET2
 * business day in the schedule's zone, and stores each file, the instructions it carries and its bytes in one
 * transaction. Instructions that no SEPA file can carry stay CREATED with one {@code PAYMENT_FILE_REFUSED} review item
 * each.
 * Each file is announced on {@code recon.payment-files} by an event written in the same transaction
 * ({@link PaymentFileAnnouncement}).
 *
 * <p>One file, never two: the build holds a transaction-level lock (a second instance waits, then finds nothing left),
 * and the database refuses an instruction in two files. The XML is written streaming to a temporary file on
 * {@code boundedElastic}, then copied into the database in chunks of {@link PaymentFiles#CHUNK_BYTES}: a file is never
 * whole in the heap.
 */
public class BuildPaymentFiles {

    /** Instructions gathered in one build at most; the rest wait for the next cut-off. */
    static final int MAX_INSTRUCTIONS_PER_BUILD = 10_000;

    private final PaymentInstructions instructions;
    private final DebtorAccounts accounts;
    private final PaymentFiles files;
    private final ReviewItems reviewItems;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final ZoneId zone;
    private final EventLog events;
    private final PaymentFileAnnouncement announcement;
    private final Pain001Writer writer = new Pain001Writer();

    public BuildPaymentFiles(
            PaymentInstructions instructions,
            DebtorAccounts accounts,
            PaymentFiles files,
            ReviewItems reviewItems,
            Transactions transactions,
            IdGenerator ids,
            Clock clock,
            ZoneId zone,
            EventLog events,
            PaymentFileAnnouncement announcement) {
        this.instructions = instructions;
        this.accounts = accounts;
        this.files = files;
        this.reviewItems = reviewItems;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
        this.events = events;
        this.announcement = announcement;
    }

    /** The requested execution date of a file built at {@code at}: that day in {@code zone}, or the next TARGET2 day. */
    public static LocalDate executionDate(Instant at, ZoneId zone) {
        return Target2Calendar.onOrAfter(at.atZone(zone).toLocalDate());
    }

    /** Builds the files of every instruction ready to go; emits the files built (possibly none) after the commit. */
    public Mono<List<PaymentFile>> build() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return files.lockBuilds()
                    .then(instructions
                            .readyForPaymentFiles(MAX_INSTRUCTIONS_PER_BUILD)
                            .collectList())
                    .flatMap(candidates -> gather(candidates, executionDate(now, zone)))
                    .flatMap(gathering -> openReviewItems(gathering.refusals(), now)
                            .thenMany(Flux.fromIterable(gathering.files()).concatMap(file -> store(file, now)))
                            .collectList())
                    .flatMap(this::announce);
        });
    }

    /** A file stored, and the event announcing it (its XML inside when small enough: at most a build's worth). */
    private record Stored(PaymentFile file, OutboundEvent announcement) {}

    /** The files' events, the transaction's last write (the event log's rule). */
    private Mono<List<PaymentFile>> announce(List<Stored> stored) {
        return events.append(stored.stream().map(Stored::announcement).toList())
                .thenReturn(stored.stream().map(Stored::file).toList());
    }

    private Mono<Gathering> gather(List<PaymentInstruction> candidates, LocalDate executionDate) {
        Set<PortalId> portals = candidates.stream()
                .map(PaymentInstruction::portalId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return accounts.of(portals).map(debtors -> PaymentFileGathering.gather(candidates, debtors, executionDate));
    }

    private Mono<Void> openReviewItems(List<Refusal> refusals, Instant now) {
        List<ReviewItem> items = refusals.stream()
                .map(refusal -> ReviewItem.open(
                                ids.nextReviewItemId(),
                                ReviewKind.PAYMENT_FILE_REFUSED,
                                refusal.instruction().portalId(),
                                refusal.instruction().orderId(),
                                refusal.instruction().instructionId().value(),
                                "Instruction " + refusal.instruction().instructionId() + " cannot leave in a SEPA"
                                        + " payment file: " + refusal.reason(),
                                now)
                        // One item per instruction, not one per cut-off.
                        .withDedupeKey(
                                "payment-file-refused:" + refusal.instruction().instructionId()))
                .toList();
        return items.isEmpty() ? Mono.empty() : reviewItems.addAll(items);
    }

    private Mono<Stored> store(PlannedFile planned, Instant now) {
        PaymentFileId fileId = ids.nextPaymentFileId();
        PaymentFileContent content = new PaymentFileContent(
                fileId.value(),
                now,
                planned.debtorName(),
                List.of(new PaymentGroup(
                        paymentInformationId(fileId),
                        planned.debtorName(),
                        planned.debtor().iban(),
                        Optional.empty(),
                        planned.executionDate(),
                        planned.transfers().stream()
                                .map(PlannedTransfer::transfer)
                                .toList())));
        List<InstructionId> carried =
                planned.transfers().stream().map(PlannedTransfer::instructionId).toList();
        return Mono.usingWhen(
                Mono.fromCallable(() -> Files.createTempFile("crowdrecon-payment-file-", ".xml"))
                        .subscribeOn(Schedulers.boundedElastic()),
                temp -> Mono.fromCallable(() -> write(content, planned.debtor().version(), temp))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(written -> {
                            PaymentFile file = new PaymentFile(
                                    fileId,
                                    PaymentFileStatus.CREATED,
                                    planned.debtor().iban(),
                                    planned.debtorName(),
                                    planned.executionDate(),
                                    planned.debtor().version(),
                                    content.messageId(),
                                    written.totals().count(),
                                    written.totals().sum(),
                                    written.sha256(),
                                    written.size(),
                                    content.createdAt(),
                                    null,
                                    null);
                            return files.add(file, carried)
                                    .then(storeChunks(fileId, temp))
                                    .then(announcement(file, temp));
                        }),
                temp -> Mono.fromCallable(() -> Files.deleteIfExists(temp)).subscribeOn(Schedulers.boundedElastic()));
    }

    /** The file's event, with the bytes read back from the temporary file when the event carries them. */
    private Mono<Stored> announcement(PaymentFile file, Path temp) {
        if (!announcement.carriesContent(file)) {
            return Mono.fromCallable(() -> new Stored(file, announcement.event(file, null)));
        }
        return Mono.fromCallable(() -> Files.readAllBytes(temp))
                .subscribeOn(Schedulers.boundedElastic())
                .map(content -> new Stored(file, announcement.event(file, content)));
    }

    /** The {@code PmtInfId} of the file's one payment-information group. */
    static String paymentInformationId(PaymentFileId fileId) {
        return fileId.value() + "-1";
    }

    private record Written(PaymentFileTotals totals, String sha256, long size) {}

    private Written write(PaymentFileContent content, Pain001Version version, Path temp) throws IOException {
        MessageDigest sha256 = sha256();
        PaymentFileTotals totals;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
            totals = writer.write(content, version, out);
        }
        return new Written(totals, HexFormat.of().formatHex(sha256.digest()), Files.size(temp));
    }

    /** The temporary file's bytes into the database, chunk by chunk; each chunk read on a worker thread. */
    private Mono<Void> storeChunks(PaymentFileId fileId, Path temp) {
        return Flux.using(
                        () -> Files.newInputStream(temp),
                        in -> Flux.<byte[]>generate(sink -> {
                            byte[] chunk = read(in);
                            if (chunk.length == 0) {
                                sink.complete();
                            } else {
                                sink.next(chunk);
                            }
                        }),
                        BuildPaymentFiles::close)
                .subscribeOn(Schedulers.boundedElastic())
                .index()
                .concatMap(chunk -> files.addChunk(fileId, Math.toIntExact(chunk.getT1()), chunk.getT2()), 1)
                .then();
    }

    private static byte[] read(InputStream in) {
        try {
            return in.readNBytes(PaymentFiles.CHUNK_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
