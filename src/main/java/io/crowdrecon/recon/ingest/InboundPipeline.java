package io.crowdrecon.recon.ingest;

import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.matching.ReconcileIncomingCredits;
import io.crowdrecon.recon.platform.persistence.InfrastructureFailures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Consumes one inbound topic. Each poll's records are grouped by partition and the partitions are
 * processed in parallel; within a partition records keep their order: consecutive credits are
 * decided together in one transaction, any other record is applied on its own. Offsets are
 * acknowledged only after all of that committed. Failures:
 * <ul>
 *   <li>the database or broker is unreachable: wait and retry with backoff, acknowledge nothing,
 *       poll nothing more (no busy loop, no memory growth);
 *   <li>the database refuses a batch of credits: decide them one by one, and send to the DLQ only
 *       the one it still refuses, so the partition never stalls;
 *   <li>a record is not a valid notification: DLQ with the reason; a possible credit also opens a
 *       {@code DLQ_CREDIT} review item.
 * </ul>
 */
public class InboundPipeline {

    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How long a partition waits for more records before processing a partial batch. */
    private static final Duration LINGER = Duration.ofMillis(10);
    /** More than any consumer is ever assigned of one topic, so that no partition waits for a slot. */
    private static final int MAX_PARTITIONS = 256;

    private final InboundSource source;
    private final Function<InboundRecord, Inbound> classify;
    private final ReconcileIncomingCredits reconcile;
    private final DeadLetters deadLetters;
    private final UndecidedCredits undecided;
    private final IngestMetrics metrics;
    private final int maxBatch;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();

    public InboundPipeline(
            InboundSource source,
            Function<InboundRecord, Inbound> classify,
            ReconcileIncomingCredits reconcile,
            DeadLetters deadLetters,
            UndecidedCredits undecided,
            IngestMetrics metrics,
            int maxBatch) {
        this.maxBatch = maxBatch;
        this.source = source;
        this.classify = classify;
        this.reconcile = reconcile;
        this.deadLetters = deadLetters;
        this.undecided = undecided;
        this.metrics = metrics;
    }

    /** The consumption loop: one poll at a time; completes when drained, or if the source does. */
    public Flux<Integer> run() {
        stopping.set(false);
        // Each partition batches its own records (up to maxBatch, or what arrived within a few
        // milliseconds) and processes one batch at a time; the partitions run concurrently.
        return source.records()
                .takeWhile(record -> !stopping.get())
                .groupBy(InboundRecord::partition)
                .flatMap(
                        partition -> partition
                                .bufferTimeout(maxBatch, LINGER, true)
                                .concatMap(batch -> processPartition(batch)
                                        .doOnSubscribe(s -> inFlight.incrementAndGet())
                                        .doFinally(signal -> inFlight.decrementAndGet())),
                        MAX_PARTITIONS);
    }

    /**
     * Stops taking polls and completes once the poll in hand has been processed and acknowledged
     * (at shutdown: SIGTERM drains, it does not cut a batch in half), or after {@code timeout}.
     */
    public Mono<Void> drain(Duration timeout) {
        stopping.set(true);
        return Mono.fromCallable(inFlight::get)
                .filter(n -> n == 0)
                .repeatWhenEmpty(repeats -> repeats.delayElements(Duration.ofMillis(50)))
                .timeout(timeout, Mono.empty())
                .then();
    }

    private Mono<Integer> processPartition(List<InboundRecord> records) {
        long started = System.nanoTime();
        List<Inbound> classified = records.stream().map(classify).toList();
        return Flux.fromIterable(runs(classified))
                .concatMap(this::processRun)
                .then(Mono.fromRunnable(() -> {
                    records.forEach(record -> record.acknowledge().run());
                    metrics.batchProcessed(records.get(0).topic(), records.size(), System.nanoTime() - started);
                }))
                .thenReturn(records.size());
    }

    /** Consecutive credits form one run (one transaction); every other record is a run of its own. */
    private static List<List<Inbound>> runs(List<Inbound> classified) {
        List<List<Inbound>> runs = new ArrayList<>();
        List<Inbound> credits = new ArrayList<>();
        for (Inbound inbound : classified) {
            if (inbound instanceof Inbound.Credit) {
                credits.add(inbound);
            } else {
                if (!credits.isEmpty()) {
                    runs.add(credits);
                    credits = new ArrayList<>();
                }
                runs.add(List.of(inbound));
            }
        }
        if (!credits.isEmpty()) {
            runs.add(credits);
        }
        return runs;
    }

    private Mono<Void> processRun(List<Inbound> run) {
        Inbound first = run.get(0);
        if (first instanceof Inbound.Credit) {
            return decideCredits(run.stream().map(Inbound.Credit.class::cast).toList());
        }
        if (first instanceof Inbound.Action action) {
            return action.apply()
                    .get()
                    .retryWhen(untilInfrastructureIsBack(action.what()))
                    .onErrorResume(refused -> {
                        log.error(
                                "{} at {} refused by the database; sent to the DLQ",
                                action.what(),
                                action.record().coordinates(),
                                refused);
                        return deadLetter(
                                action.record(),
                                "the database refused it: " + summary(refused),
                                false,
                                null,
                                null,
                                null);
                    });
        }
        Inbound.Rejected rejected = (Inbound.Rejected) first;
        return deadLetter(
                rejected.record(),
                rejected.reason(),
                rejected.mayBeCredit(),
                rejected.notificationId(),
                rejected.amount(),
                rejected.currency());
    }

    private Mono<Void> decideCredits(List<Inbound.Credit> credits) {
        List<IncomingCredit> batch =
                credits.stream().map(Inbound.Credit::credit).toList();
        return reconcile
                .reconcile(batch)
                .doOnNext(result -> metrics.decided(result.bookings()))
                .retryWhen(untilInfrastructureIsBack("credit batch of " + batch.size()))
                .then()
                .onErrorResume(refused -> {
                    if (credits.size() == 1) {
                        return refuseAlone(credits.get(0), refused);
                    }
                    log.warn(
                            "The database refused a batch of {} credits ({}); deciding them one by one",
                            batch.size(),
                            refused.toString());
                    return Flux.fromIterable(credits)
                            .concatMap(credit -> decideCredits(List.of(credit)))
                            .then();
                });
    }

    private Mono<Void> refuseAlone(Inbound.Credit credit, Throwable refused) {
        IncomingCredit c = credit.credit();
        log.error(
                "Credit {} at {} refused by the database; sent to the DLQ",
                c.notificationId(),
                credit.record().coordinates(),
                refused);
        return deadLetter(
                credit.record(),
                "the database refused it: " + summary(refused),
                true,
                c.notificationId(),
                c.amount(),
                c.currency());
    }

    private Mono<Void> deadLetter(
            InboundRecord record,
            String reason,
            boolean mayBeCredit,
            @Nullable String notificationId,
            @Nullable BigDecimal amount,
            @Nullable String currency) {
        Mono<Void> tracked =
                mayBeCredit ? undecided.track(record, reason, notificationId, amount, currency) : Mono.empty();
        return deadLetters
                .send(record, reason)
                .then(tracked)
                .doOnSuccess(done -> metrics.deadLettered(record.topic(), mayBeCredit))
                .retryWhen(untilInfrastructureIsBack("dead letter " + record.coordinates()));
    }

    private static Retry untilInfrastructureIsBack(String what) {
        return Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF)
                .maxBackoff(MAX_BACKOFF)
                .filter(InfrastructureFailures::isTransient)
                .doBeforeRetry(signal -> log.warn(
                        "Retrying {} (attempt {}): {}", what, signal.totalRetries() + 1, summary(signal.failure())));
    }

    static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
