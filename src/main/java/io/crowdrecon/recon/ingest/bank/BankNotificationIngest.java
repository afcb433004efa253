package io.crowdrecon.recon.ingest.bank;

import io.crowdrecon.recon.ingest.DeadLetters;
import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.ingest.InboundSource;
import io.crowdrecon.recon.ingest.UndecidedCredits;
import io.crowdrecon.recon.ingest.bank.BankNotification.Credit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Debit;
import io.crowdrecon.recon.ingest.bank.BankNotification.Rejected;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.matching.ReconcileIncomingCredits;
import io.crowdrecon.recon.platform.persistence.InfrastructureFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Consumes {@code recon.bank-notifications}: each poll's records are parsed, grouped by
 * partition, and each partition's credits decided in one transaction, the partitions in parallel.
 * Offsets are acknowledged only after that commit. Failures:
 * <ul>
 *   <li>the database or broker is unreachable: the batch waits and retries with backoff, nothing
 *       is acknowledged, polling pauses (no busy loop, no memory growth);
 *   <li>the database refuses the batch: it is retried credit by credit, and only the credit it
 *       still refuses goes to the DLQ, so the partition never stalls;
 *   <li>a record is not a valid notification: DLQ with the reason; a possible credit also opens a
 *       {@code DLQ_CREDIT} review item.
 * </ul>
 */
public class BankNotificationIngest {

    private static final Logger log = LoggerFactory.getLogger(BankNotificationIngest.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final InboundSource source;
    private final BankNotificationParser parser;
    private final ReconcileIncomingCredits reconcile;
    private final BankDebits debits;
    private final DeadLetters deadLetters;
    private final UndecidedCredits undecided;
    private final IngestMetrics metrics;

    public BankNotificationIngest(
            InboundSource source,
            BankNotificationParser parser,
            ReconcileIncomingCredits reconcile,
            BankDebits debits,
            DeadLetters deadLetters,
            UndecidedCredits undecided,
            IngestMetrics metrics) {
        this.source = source;
        this.parser = parser;
        this.reconcile = reconcile;
        this.debits = debits;
        this.deadLetters = deadLetters;
        this.undecided = undecided;
        this.metrics = metrics;
    }

    /** The consumption loop: one poll at a time; completes only if the source does. */
    public Flux<Integer> run() {
        return source.batches().concatMap(this::process);
    }

    /** Processes one poll; emits how many records it acknowledged. */
    Mono<Integer> process(List<InboundRecord> poll) {
        Map<Integer, List<InboundRecord>> byPartition = new LinkedHashMap<>();
        for (InboundRecord record : poll) {
            byPartition
                    .computeIfAbsent(record.partition(), p -> new ArrayList<>())
                    .add(record);
        }
        return Flux.fromIterable(byPartition.values())
                .flatMap(this::processPartition, Math.max(1, byPartition.size()))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> processPartition(List<InboundRecord> records) {
        List<Parsed<Credit>> credits = new ArrayList<>();
        List<Parsed<Debit>> debitRecords = new ArrayList<>();
        List<Parsed<Rejected>> rejected = new ArrayList<>();
        for (InboundRecord record : records) {
            BankNotification notification = parser.parse(record.value());
            if (notification instanceof Credit credit) {
                credits.add(new Parsed<>(record, credit));
            } else if (notification instanceof Debit debit) {
                debitRecords.add(new Parsed<>(record, debit));
            } else if (notification instanceof Rejected reject) {
                rejected.add(new Parsed<>(record, reject));
            }
        }
        long started = System.nanoTime();
        return decideCredits(credits)
                .then(applyDebits(debitRecords))
                .then(Flux.fromIterable(rejected).concatMap(this::reject).then())
                .then(Mono.fromRunnable(() -> {
                    records.forEach(record -> record.acknowledge().run());
                    metrics.batchProcessed(records.size(), System.nanoTime() - started);
                }))
                .thenReturn(records.size());
    }

    private Mono<Void> decideCredits(List<Parsed<Credit>> credits) {
        if (credits.isEmpty()) {
            return Mono.empty();
        }
        List<IncomingCredit> batch =
                credits.stream().map(p -> p.notification().credit()).toList();
        return reconcile
                .reconcile(batch)
                .doOnNext(result -> metrics.decided(result.bookings()))
                .retryWhen(untilInfrastructureIsBack("credit batch of " + batch.size()))
                .then()
                .onErrorResume(refused -> {
                    log.warn(
                            "The database refused a batch of {} credits ({}); deciding them one by one",
                            batch.size(),
                            refused.toString());
                    return Flux.fromIterable(credits)
                            .concatMap(this::decideAlone)
                            .then();
                });
    }

    private Mono<Void> decideAlone(Parsed<Credit> credit) {
        return reconcile
                .reconcile(List.of(credit.notification().credit()))
                .doOnNext(result -> metrics.decided(result.bookings()))
                .retryWhen(untilInfrastructureIsBack(
                        "credit " + credit.notification().credit().notificationId()))
                .then()
                .onErrorResume(refused -> {
                    IncomingCredit c = credit.notification().credit();
                    String reason = "the database refused it: " + summary(refused);
                    log.error(
                            "Credit {} at {} refused by the database; sent to the DLQ",
                            c.notificationId(),
                            credit.record().coordinates(),
                            refused);
                    return deadLetter(credit.record(), reason, true, c.notificationId(), c.amount(), c.currency());
                });
    }

    private Mono<Void> applyDebits(List<Parsed<Debit>> debitRecords) {
        return Flux.fromIterable(debitRecords)
                .concatMap(debit -> debits.apply(debit.notification())
                        .retryWhen(untilInfrastructureIsBack(
                                "debit " + debit.notification().notificationId()))
                        .onErrorResume(refused -> deadLetter(
                                debit.record(),
                                "the database refused it: " + summary(refused),
                                false,
                                null,
                                null,
                                null)))
                .then();
    }

    private Mono<Void> reject(Parsed<Rejected> rejected) {
        Rejected r = rejected.notification();
        return deadLetter(rejected.record(), r.reason(), r.mayBeCredit(), r.notificationId(), r.amount(), r.currency());
    }

    private Mono<Void> deadLetter(
            InboundRecord record,
            String reason,
            boolean mayBeCredit,
            String notificationId,
            java.math.BigDecimal amount,
            String currency) {
        Mono<Void> tracked =
                mayBeCredit ? undecided.track(record, reason, notificationId, amount, currency) : Mono.empty();
        return deadLetters
                .send(record, reason)
                .then(tracked)
                .doOnSuccess(done -> metrics.deadLettered(record.topic(), mayBeCredit))
                .retryWhen(untilInfrastructureIsBack("dead letter " + record.coordinates()));
    }

    private Retry untilInfrastructureIsBack(String what) {
        Predicate<Throwable> transientFailure = InfrastructureFailures::isTransient;
        return Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF)
                .maxBackoff(MAX_BACKOFF)
                .filter(transientFailure)
                .doBeforeRetry(signal -> log.warn(
                        "Retrying {} (attempt {}): {}", what, signal.totalRetries() + 1, summary(signal.failure())));
    }

    private static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private record Parsed<T extends BankNotification>(InboundRecord record, T notification) {}
}
