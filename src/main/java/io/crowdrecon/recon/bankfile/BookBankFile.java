package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.BankFileItem.Entry;
import io.crowdrecon.recon.bankfile.BankFileItem.FileHeader;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementEnd;
import io.crowdrecon.recon.bankfile.BankFileItem.StatementStart;
import io.crowdrecon.recon.bankfile.BankFiles.BankFile;
import io.crowdrecon.recon.bankfile.BankStatements.StatementKey;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.ConcurrentChangeException;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Books a bank file: reads it, decides each entry through the existing pipeline, reconciles each statement of a
 * collection account with the books, all in one transaction. The same file again is a no-op that answers the first
 * file's id.
 *
 * <p>A file is read twice, streamed both times (never whole in the heap): a survey first, off the event loops, that
 * tells whether it can be read at all, which statements it holds and which of them do not add up; then the booking,
 * which streams its entries in chunks through {@link StatementBooking} inside one transaction. Reading twice is what
 * lets an {@code INVALID} statement book nothing although its faults show only at its end, and an unreadable file
 * change nothing.
 */
public class BookBankFile {

    /** Entries decided together: one books lookup, one matcher batch, one insert of entry rows. */
    static final int CHUNK = 1000;

    private static final int RACE_RETRIES = 3;

    /**
     * What became of a file.
     *
     * @param bankFileId the file's id; the first file's when this one repeats it
     * @param format null when not even the format could be read
     * @param status {@code BOOKED} or {@code REJECTED} ({@code RECEIVED} only while another instance books it)
     * @param reason why it was {@code REJECTED}; null otherwise
     * @param repeated whether the same file (same bytes, or the same statements) was received before
     */
    public record Receipt(
            BankFileId bankFileId,
            @Nullable BankFileFormat format,
            BankFileStatus status,
            @Nullable String reason,
            boolean repeated) {

        static Receipt of(BankFile file, boolean repeated) {
            return new Receipt(file.bankFileId(), file.format(), file.status(), file.reason(), repeated);
        }
    }

    private final BankFileReader reader;
    private final BankFiles files;
    private final BankStatements statements;
    private final StatementBookings bookings;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public BookBankFile(
            BankFileReader reader,
            BankFiles files,
            BankStatements statements,
            StatementBookings bookings,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        this.reader = reader;
        this.files = files;
        this.statements = statements;
        this.bookings = bookings;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Books {@code source}; completes once committed. */
    public Mono<Receipt> book(BankFileSource source) {
        return Mono.defer(() -> files.bySha256(source.sha256())
                        .filter(file -> file.status() != BankFileStatus.RECEIVED)
                        .map(file -> Receipt.of(file, true))
                        .switchIfEmpty(Mono.defer(() -> surveyAndBook(source))))
                // Booking is all or nothing, so it can start again: when another instance booked the same
                // statements (or a credit of the file) from other bytes at the same moment, the database
                // refuses ours (a race, or the transaction it aborted); the next attempt finds theirs.
                .retryWhen(Retry.backoff(RACE_RETRIES, Duration.ofMillis(50))
                        .filter(error -> !(error instanceof DomainException))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Receipt> surveyAndBook(BankFileSource source) {
        return Mono.fromCallable(() -> Survey.of(reader, source))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(survey -> {
                    String rejectReason = survey.rejectReason();
                    if (rejectReason != null) {
                        return files.register(ids.nextBankFileId(), source, clock.instant())
                                .flatMap(file -> file.status() != BankFileStatus.RECEIVED
                                        ? Mono.just(Receipt.of(file, true))
                                        : transactions.inTransaction(() -> files.lock(file.bankFileId())
                                                .flatMap(locked -> locked.status() != BankFileStatus.RECEIVED
                                                        ? Mono.just(Receipt.of(locked, true))
                                                        : files.rejected(
                                                                        locked.bankFileId(),
                                                                        BankFileTransitions.row(
                                                                                locked, BankFileTrigger.REJECT),
                                                                        survey.header(),
                                                                        rejectReason,
                                                                        clock.instant())
                                                                .then(files.byId(locked.bankFileId()))
                                                                .map(rejected -> Receipt.of(rejected, false)))));
                    }
                    return alreadyBooked(survey)
                            // This file's own row, if a race or a crash left one, would stay RECEIVED forever.
                            .flatMap(first -> files.forgetReceived(source.sha256())
                                    .then(files.byId(first))
                                    .map(file -> Receipt.of(file, true)))
                            .switchIfEmpty(
                                    Mono.defer(() -> files.register(ids.nextBankFileId(), source, clock.instant())
                                            .flatMap(file -> file.status() != BankFileStatus.RECEIVED
                                                    ? Mono.just(Receipt.of(file, true))
                                                    : bookInOneTransaction(file.bankFileId(), source, survey))));
                });
    }

    /** The file that booked every statement of this one, when one did: this file is the same file again. */
    private Mono<BankFileId> alreadyBooked(Survey survey) {
        if (survey.sections().isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(survey.sections())
                .concatMap(section -> statements
                        .fileThatBooked(section.key())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .collectList()
                .flatMap(firsts ->
                        firsts.stream().anyMatch(Optional::isEmpty) ? Mono.empty() : Mono.justOrEmpty(firsts.get(0)));
    }

    private Mono<Receipt> bookInOneTransaction(BankFileId bankFileId, BankFileSource source, Survey survey) {
        return transactions.inTransaction(() -> files.lock(bankFileId)
                // Forgotten meanwhile by a request whose other bytes found the statements booked: look again.
                .switchIfEmpty(Mono.error(() -> new ConcurrentChangeException(
                        new IllegalStateException("bank file " + bankFileId.value() + " was forgotten while waiting"))))
                .flatMap(file -> {
                    if (file.status() != BankFileStatus.RECEIVED) {
                        return Mono.just(Receipt.of(file, true)); // another instance booked it while we read it
                    }
                    // Other bytes of the same statements may have committed since the look before the
                    // transaction: then this file is the same file again, not a file of no new statements.
                    return alreadyBooked(survey)
                            .flatMap(first -> files.forgetReceived(source.sha256())
                                    .then(files.byId(first))
                                    .map(booked -> Receipt.of(booked, true)))
                            .switchIfEmpty(Mono.defer(() -> bookEntries(
                                    bankFileId, BankFileTransitions.row(file, BankFileTrigger.BOOK), source, survey)));
                }));
    }

    private Mono<Receipt> bookEntries(
            BankFileId bankFileId,
            Transition<BankFileStatus, BankFileTrigger> book,
            BankFileSource source,
            Survey survey) {
        FileHeader header = Objects.requireNonNull(survey.header(), "header");
        if (header.format() == BankFileFormat.PAIN_002) {
            return bookStatusReport(bankFileId, book, source, survey, header);
        }
        FileBooking booking = bookings.begin(bankFileId, survey);
        return chunks(reader, source)
                .concatMap(booking::take, 1)
                // Other bytes of the same statements committed after the look at the start of this transaction:
                // this file is the same file again. Rolling back lets the next attempt answer the first file.
                .then(Mono.defer(() -> booking.allBookedBefore()
                        ? Mono.error(new ConcurrentChangeException(new IllegalStateException(
                                "the statements of bank file " + bankFileId.value() + " were booked meanwhile")))
                        : Mono.empty()))
                .then(Mono.defer(() -> files.booked(
                        bankFileId,
                        book,
                        // a survey that refuses nothing read the file's header
                        Objects.requireNonNull(survey.header(), "header"),
                        booking.statementsBooked(),
                        survey.entries(),
                        clock.instant())))
                .then(files.byId(bankFileId))
                .map(booked -> Receipt.of(booked, false));
    }

    /** A pain.002: the bank's answers to a payment file of ours, booked as its DEBITs would be. */
    private Mono<Receipt> bookStatusReport(
            BankFileId bankFileId,
            Transition<BankFileStatus, BankFileTrigger> book,
            BankFileSource source,
            Survey survey,
            FileHeader header) {
        StatusReportBooking booking = bookings.beginStatusReport(header.messageId());
        return chunks(reader, source)
                .concatMap(booking::take, 1)
                .then(Mono.defer(booking::end))
                .then(Mono.defer(() -> files.booked(bankFileId, book, header, 0, survey.entries(), clock.instant())))
                .then(files.byId(bankFileId))
                .map(booked -> Receipt.of(booked, false));
    }

    /**
     * The file's items, entries gathered in chunks of at most {@link #CHUNK} of one statement. Read on a worker thread
     * (requests from the database's threads hop back to it): reading is blocking I/O.
     */
    static Flux<List<BankFileItem>> chunks(BankFileReader reader, BankFileSource source) {
        return Flux.<List<BankFileItem>, Reader>generate(
                        () -> new Reader(reader.open(open(source))),
                        (chunker, sink) -> {
                            List<BankFileItem> chunk = chunker.nextChunk();
                            if (chunk.isEmpty()) {
                                sink.complete();
                            } else {
                                sink.next(chunk);
                            }
                            return chunker;
                        },
                        Reader::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static InputStream open(BankFileSource source) {
        return Objects.requireNonNull(source.content().get(), "content");
    }

    /** Pulls items, one statement boundary or up to {@link #CHUNK} entries at a time. */
    private static final class Reader {
        private final BankFileItems items;
        private @Nullable BankFileItem pending;

        Reader(BankFileItems items) {
            this.items = items;
        }

        List<BankFileItem> nextChunk() {
            List<BankFileItem> chunk = new ArrayList<>();
            while (chunk.size() < CHUNK) {
                BankFileItem item = pending != null ? pending : (items.hasNext() ? items.next() : null);
                pending = null;
                if (item == null) {
                    break;
                }
                if (!(item instanceof Entry)) {
                    if (chunk.isEmpty()) {
                        chunk.add(item);
                    } else {
                        pending = item;
                    }
                    break;
                }
                chunk.add(item);
            }
            return chunk;
        }

        void close() {
            items.close();
        }
    }

    /**
     * What a first read of the file found: its header, its sections (statements, reports, notifications) and whether
     * each adds up; or why it cannot be booked at all.
     */
    record Survey(@Nullable FileHeader header, List<Section> sections, int entries, @Nullable String rejectReason) {

        static Survey of(BankFileReader reader, BankFileSource source) {
            FileHeader header = null;
            List<Section> sections = new ArrayList<>();
            int entries = 0;
            try (InputStream in = open(source);
                    BankFileItems items = reader.open(in)) {
                StatementStart start = null;
                StatementContext context = null;
                EntryNotifications decider = null;
                StatementArithmetic arithmetic = null;
                String invalid = null;
                int count = 0;
                while (items.hasNext()) {
                    BankFileItem item = items.next();
                    if (item instanceof FileHeader h) {
                        header = h;
                    } else if (item instanceof StatementStart s) {
                        if (header == null) {
                            throw new UnreadableBankFileException("a statement starts before the file's header");
                        }
                        start = s;
                        context = StatementContext.of(header, s);
                        decider = EntryNotifications.of(context);
                        arithmetic = StatementKind.of(header.format()) == StatementKind.STATEMENT
                                ? StatementArithmetic.begin(s)
                                : null;
                        invalid = null;
                        count = 0;
                    } else if (item instanceof Entry entry) {
                        if (decider == null) {
                            throw new UnreadableBankFileException("an entry outside any statement");
                        }
                        count++;
                        entries++;
                        if (arithmetic != null) {
                            arithmetic.add(entry);
                        }
                        if (invalid == null) {
                            invalid = decider.decide(entry).stream()
                                    .filter(EntryNotification.Invalid.class::isInstance)
                                    .map(n -> ((EntryNotification.Invalid) n).reason())
                                    .findFirst()
                                    .orElse(null);
                        }
                    } else if (item instanceof BankFileItem.TransactionStatus) {
                        entries++;
                    } else if (item instanceof StatementEnd end) {
                        if (start == null) {
                            throw new UnreadableBankFileException("a statement ends that never started");
                        }
                        if (arithmetic != null) {
                            arithmetic.end(end);
                            invalid = invalid != null
                                    ? invalid
                                    : arithmetic.invalidReason().orElse(null);
                        } else if (invalid != null) {
                            // A notification or report is no statement to set aside on its own: its file is refused.
                            return new Survey(header, List.of(), entries, invalid);
                        }
                        sections.add(new Section(
                                sections.size(),
                                start,
                                Objects.requireNonNull(context, "set with the statement's start"),
                                invalid,
                                count));
                        start = null;
                        decider = null;
                    }
                }
                if (header == null) {
                    throw new UnreadableBankFileException("the file holds no message");
                }
                if (start != null) {
                    throw new UnreadableBankFileException("the file ends inside a statement");
                }
                if (sections.isEmpty() && header.format() != BankFileFormat.PAIN_002) {
                    throw new UnreadableBankFileException("the file holds no statement, report or notification");
                }
                return new Survey(header, List.copyOf(sections), entries, null);
            } catch (UnreadableBankFileException e) {
                return new Survey(header, List.of(), entries, e.getMessage());
            } catch (IllegalArgumentException e) {
                return new Survey(header, List.of(), entries, "the file cannot be booked: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One statement, report or notification of the file, as the survey found it.
     *
     * @param invalidReason why a statement does not add up (it is {@code INVALID}: nothing of it is booked); null
     *     when it does
     */
    record Section(
            int position, StatementStart start, StatementContext context, @Nullable String invalidReason, int entries) {

        StatementKey key() {
            return new StatementKey(
                    context.account(),
                    context.messageId(),
                    start.statementId(),
                    start.sequenceNumber(),
                    start.pageNumber());
        }

        StatementKind kind() {
            return StatementKind.of(context.format());
        }

        Optional<String> invalid() {
            return Optional.ofNullable(invalidReason);
        }
    }
}
