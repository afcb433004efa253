package io.crowdrecon.recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.matching.Bookings;
import io.crowdrecon.recon.matching.Bookings.RecordedCreditRow;
import io.crowdrecon.recon.matching.CreditChannel;
import io.crowdrecon.recon.matching.CreditLedger;
import io.crowdrecon.recon.matching.IncomingCredit;
import io.crowdrecon.recon.matching.ReconcileIncomingCredits;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.context.Context;

/**
 * The pipeline's own rules, on in-memory ports and virtual time: a poll's records are acknowledged in order once
 * what they caused has committed, never before; consecutive credits are decided in one transaction of at most
 * {@code maxBatch}; a refused batch is decided credit by credit so that only the culprit goes to the dead letters;
 * what cannot be read goes there with its reason and is acknowledged; {@code drain} finishes the batch in hand.
 *
 * <p>Credits are decided by the real {@link ReconcileIncomingCredits} over an in-memory ledger that knows no portal,
 * order or earlier credit (so every credit is booked unidentified) and whose transactions commit what they recorded
 * only when they complete; the other stores a batch writes to accept every write.
 */
class InboundPipelineTests {

    /** Real time: a scenario that does not end within it has failed (virtual time makes each take milliseconds). */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String TOPIC = "bank.notifications";
    /** How long a partition waits for more records before it decides a partial batch (InboundPipeline.LINGER). */
    private static final Duration LINGER = Duration.ofMillis(10);

    /** What happened, in order: commits, applied actions, dead letters and acknowledgements. */
    private final List<String> journal = new CopyOnWriteArrayList<>();

    /** The credits tracked as undecided money ({@code DLQ_CREDIT}), with what could be read of them. */
    private final List<String> tracked = new CopyOnWriteArrayList<>();
    /** What the pipeline reported to its metrics, in order. */
    private final List<String> metrics = new CopyOnWriteArrayList<>();

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final Map<String, Function<InboundRecord, Inbound>> readings = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> nextOffsets = new ConcurrentHashMap<>();
    /** How many more dead letters the broker refuses as unreachable. */
    private final AtomicInteger brokerDownFor = new AtomicInteger();

    @AfterEach
    void stopVirtualTime() {
        VirtualTimeScheduler.reset();
    }

    @Test
    void acknowledgesAPollsCreditsInOrderOnlyOnceTheirBatchHasCommitted() {
        List<InboundRecord> poll = List.of(credit("N1"), credit("N2"), credit("N3"));
        Sinks.Empty<Void> commit = ledger.holdCommitOf("N1");

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .then(() -> {
                    assertThat(ledger.transactions).containsExactly(List.of("N1", "N2", "N3"));
                    assertThat(journal).isEmpty();
                })
                .then(commit::tryEmitEmpty)
                .expectNext(3)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal).containsExactly("commit N1,N2,N3", "ack 0@0", "ack 0@1", "ack 0@2");
        assertThat(metrics).containsExactly("decided 3", "batch " + TOPIC + " 3");
    }

    @Test
    void acknowledgesNothingWhileTheDatabaseIsUnreachableAndDecidesTheWholeBatchOnceItIsBack() {
        ledger.unreachableFor.set(3);
        List<InboundRecord> poll = List.of(credit("N1"), credit("N2"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(Duration.ofMillis(200))
                .then(() -> assertThat(journal).isEmpty())
                .thenAwait(Duration.ofSeconds(5))
                .expectNext(2)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(ledger.transactions).containsExactly(List.of("N1", "N2"));
        assertThat(ledger.begun).hasValue(4);
        assertThat(journal).containsExactly("commit N1,N2", "ack 0@0", "ack 0@1");
    }

    @Test
    void decidesARefusedBatchCreditByCreditSoThatOnlyTheCulpritGoesToTheDeadLetters() {
        ledger.refused.add("N2");
        List<InboundRecord> poll = List.of(credit("N1"), credit("N2"), credit("N3"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .expectNext(3)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(ledger.transactions)
                .containsExactly(List.of("N1", "N2", "N3"), List.of("N1"), List.of("N2"), List.of("N3"));
        String reason =
                "the database refused it: R2dbcDataIntegrityViolationException: credit N2 violates a constraint";
        assertThat(journal)
                .containsExactly(
                        "commit N1", "dead letter 0@1: " + reason, "commit N3", "ack 0@0", "ack 0@1", "ack 0@2");
        assertThat(tracked).containsExactly("0@1 N2 250.00 EUR: " + reason);
        assertThat(metrics)
                .containsExactly(
                        "decided 1",
                        "dead-lettered " + TOPIC + " mayBeCredit=true",
                        "decided 1",
                        "batch " + TOPIC + " 3");
    }

    @Test
    void sendsAnUnreadableRecordToTheDeadLettersWithItsReasonAndAcknowledgesIt() {
        List<InboundRecord> poll = List.of(unreadable("not JSON"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .expectNext(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal).containsExactly("dead letter 0@0: not JSON", "ack 0@0");
        assertThat(tracked).isEmpty();
        assertThat(metrics).containsExactly("dead-lettered " + TOPIC + " mayBeCredit=false", "batch " + TOPIC + " 1");
    }

    @Test
    void tracksAnUnreadableRecordThatMayBeACreditAsUndecidedMoneyWithWhatCouldBeReadOfIt() {
        List<InboundRecord> poll = List.of(unreadableCredit("amount has more than 2 decimals", "N9", "10.001"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .expectNext(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal).containsExactly("dead letter 0@0: amount has more than 2 decimals", "ack 0@0");
        assertThat(tracked).containsExactly("0@0 N9 10.001 EUR: amount has more than 2 decimals");
    }

    @Test
    void handlesTheRunsOfDifferentKindsInOnePollInTheirOrder() {
        List<InboundRecord> poll = List.of(
                credit("N1"),
                credit("N2"),
                action("debit D1"),
                unreadable("no notificationId"),
                credit("N3"),
                action("debit D2"),
                action("debit D3"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .expectNext(7)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal)
                .containsExactly(
                        "commit N1,N2",
                        "applied debit D1",
                        "dead letter 0@3: no notificationId",
                        "commit N3",
                        "applied debit D2",
                        "applied debit D3",
                        "ack 0@0",
                        "ack 0@1",
                        "ack 0@2",
                        "ack 0@3",
                        "ack 0@4",
                        "ack 0@5",
                        "ack 0@6");
    }

    @Test
    void sendsAnActionTheDatabaseRefusesToTheDeadLettersWithoutTrackingItAsACredit() {
        List<InboundRecord> poll =
                List.of(refusedAction("debit D1", new IllegalArgumentException("no moneyin for D1")), credit("N1"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .expectNext(2)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal)
                .containsExactly(
                        "dead letter 0@0: the database refused it: IllegalArgumentException: no moneyin for D1",
                        "commit N1",
                        "ack 0@0",
                        "ack 0@1");
        assertThat(tracked).isEmpty();
    }

    @Test
    void retriesAnActionUntilTheDatabaseIsBackInsteadOfDeadLetteringIt() {
        AtomicInteger attempts = new AtomicInteger();
        List<InboundRecord> poll = List.of(record(
                0,
                r -> new Inbound.Action(
                        r,
                        "debit D1",
                        () -> Mono.defer(() -> {
                            if (attempts.incrementAndGet() <= 2) {
                                return Mono.error(new R2dbcTransientResourceException("connection refused"));
                            }
                            journal.add("applied debit D1");
                            return Mono.empty();
                        }))));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(Duration.ofSeconds(5))
                .expectNext(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(attempts).hasValue(3);
        assertThat(journal).containsExactly("applied debit D1", "ack 0@0");
    }

    @Test
    void acknowledgesADeadLetterOnlyOnceTheBrokerHasTakenIt() {
        brokerDownFor.set(2);
        List<InboundRecord> poll = List.of(unreadable("not JSON"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .then(() -> assertThat(journal).isEmpty())
                .thenAwait(Duration.ofSeconds(5))
                .expectNext(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal).containsExactly("dead letter 0@0: not JSON", "ack 0@0");
    }

    @Test
    void decidesNoMoreThanMaxBatchCreditsInOneTransaction() {
        List<InboundRecord> poll = List.of(credit("N1"), credit("N2"), credit("N3"), credit("N4"), credit("N5"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 2).run())
                .thenAwait(LINGER)
                .expectNext(2, 2, 1)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(ledger.transactions).containsExactly(List.of("N1", "N2"), List.of("N3", "N4"), List.of("N5"));
        assertThat(journal)
                .containsExactly(
                        "commit N1,N2",
                        "ack 0@0",
                        "ack 0@1",
                        "commit N3,N4",
                        "ack 0@2",
                        "ack 0@3",
                        "commit N5",
                        "ack 0@4");
    }

    @Test
    void decidesAPartialBatchOnceNoMoreRecordsCameWithinTheLinger() {
        Sinks.Many<InboundRecord> polls = Sinks.many().unicast().onBackpressureBuffer();

        StepVerifier.withVirtualTime(() -> pipeline(polls::asFlux, 10).run())
                .then(() -> polls.tryEmitNext(credit("N1")))
                .then(() -> polls.tryEmitNext(credit("N2")))
                .thenAwait(LINGER.minusMillis(1))
                .then(() -> assertThat(ledger.transactions).isEmpty())
                .thenAwait(Duration.ofMillis(1))
                .expectNext(2)
                .then(polls::tryEmitComplete)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal).containsExactly("commit N1,N2", "ack 0@0", "ack 0@1");
    }

    @Test
    void oneHeldPartitionDoesNotHoldBackTheOthers() {
        Sinks.Empty<Void> commit = ledger.holdCommitOf("N1");
        List<InboundRecord> poll = List.of(credit(0, "N1"), credit(1, "M1"), credit(0, "N2"), credit(1, "M2"));

        StepVerifier.withVirtualTime(() -> pipeline(poll, 10).run())
                .thenAwait(LINGER)
                .expectNext(2)
                .then(() -> assertThat(journal).containsExactly("commit M1,M2", "ack 1@0", "ack 1@1"))
                .then(commit::tryEmitEmpty)
                .expectNext(2)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(journal).endsWith("commit N1,N2", "ack 0@0", "ack 0@1");
    }

    @Test
    void drainFinishesTheBatchInHandAndTakesNoMoreRecords() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        Sinks.Many<InboundRecord> polls = Sinks.many().unicast().onBackpressureBuffer();
        Sinks.Empty<Void> commit = ledger.holdCommitOf("N1");
        InboundPipeline pipeline = pipeline(polls::asFlux, 10);
        List<Integer> processed = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        AtomicBoolean drained = new AtomicBoolean();

        pipeline.run().subscribe(processed::add, error -> {}, () -> ended.set(true));
        polls.tryEmitNext(credit("N1"));
        time.advanceTimeBy(LINGER);
        assertThat(ledger.transactions).containsExactly(List.of("N1"));

        pipeline.drain(Duration.ofSeconds(30)).subscribe(null, error -> {}, () -> drained.set(true));
        polls.tryEmitNext(credit("N2"));
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(drained).isFalse();
        assertThat(journal).isEmpty();

        commit.tryEmitEmpty();
        time.advanceTimeBy(Duration.ofMillis(50));

        assertThat(drained).isTrue();
        assertThat(ended).isTrue();
        assertThat(processed).containsExactly(1);
        assertThat(ledger.transactions).containsExactly(List.of("N1"));
        assertThat(journal).containsExactly("commit N1", "ack 0@0");
    }

    @Test
    void drainGivesUpWaitingForTheBatchInHandAfterItsTimeout() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        Sinks.Many<InboundRecord> polls = Sinks.many().unicast().onBackpressureBuffer();
        ledger.holdCommitOf("N1");
        InboundPipeline pipeline = pipeline(polls::asFlux, 10);
        AtomicBoolean drained = new AtomicBoolean();

        pipeline.run().subscribe();
        polls.tryEmitNext(credit("N1"));
        time.advanceTimeBy(LINGER);
        pipeline.drain(Duration.ofSeconds(5)).subscribe(null, error -> {}, () -> drained.set(true));
        time.advanceTimeBy(Duration.ofMillis(4900));
        assertThat(drained).isFalse();
        time.advanceTimeBy(Duration.ofMillis(100));

        assertThat(drained).isTrue();
        assertThat(journal).isEmpty();
    }

    // The pipeline and its ports.

    private InboundPipeline pipeline(List<InboundRecord> poll, int maxBatch) {
        return pipeline(() -> Flux.fromIterable(poll), maxBatch);
    }

    private InboundPipeline pipeline(InboundSource source, int maxBatch) {
        ReconcileIncomingCredits reconcile = new ReconcileIncomingCredits(
                new ReconcileIncomingCredits.Stores(
                        ledger,
                        acceptingEveryWrite(Portals.class),
                        acceptingEveryWrite(Orders.class),
                        acceptingEveryWrite(Moneyins.class),
                        acceptingEveryWrite(Moneyouts.class),
                        acceptingEveryWrite(UnidentifiedTransfers.class),
                        acceptingEveryWrite(PaymentInstructions.class),
                        acceptingEveryWrite(ReviewItems.class)),
                ReleasePolicy.DEFAULT,
                events -> Mono.empty(),
                ledger,
                IdGenerator.threadLocal(),
                Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC));
        DeadLetters deadLetters = (record, reason) -> Mono.defer(() -> {
            if (brokerDownFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Mono.error(new IOException("broker unreachable"));
            }
            journal.add("dead letter " + at(record) + ": " + reason);
            return Mono.empty();
        });
        UndecidedCredits undecided = (record, reason, notificationId, amount, currency) -> Mono.fromRunnable(
                () -> tracked.add(at(record) + " " + notificationId + " " + amount + " " + currency + ": " + reason));
        return new InboundPipeline(
                source, this::read, reconcile, deadLetters, undecided, new RecordedMetrics(), maxBatch);
    }

    private Inbound read(InboundRecord record) {
        return readings.get(at(record)).apply(record);
    }

    private InboundRecord credit(String notificationId) {
        return credit(0, notificationId);
    }

    private InboundRecord credit(int partition, String notificationId) {
        return record(partition, r -> new Inbound.Credit(r, bankCredit(notificationId)));
    }

    private InboundRecord action(String what) {
        return record(
                0, r -> new Inbound.Action(r, what, () -> Mono.fromRunnable(() -> journal.add("applied " + what))));
    }

    private InboundRecord refusedAction(String what, RuntimeException refusal) {
        return record(0, r -> new Inbound.Action(r, what, () -> Mono.error(refusal)));
    }

    private InboundRecord unreadable(String reason) {
        return record(0, r -> new Inbound.Rejected(r, reason, false, null, null, null));
    }

    private InboundRecord unreadableCredit(String reason, String notificationId, String amount) {
        return record(0, r -> new Inbound.Rejected(r, reason, true, notificationId, new BigDecimal(amount), "EUR"));
    }

    /** The next record of {@code partition}; it is read as {@code reading} says, and acknowledging it is journaled. */
    private InboundRecord record(int partition, Function<InboundRecord, Inbound> reading) {
        long offset =
                nextOffsets.computeIfAbsent(partition, p -> new AtomicLong()).getAndIncrement();
        String at = partition + "@" + offset;
        readings.put(at, reading);
        return new InboundRecord(TOPIC, partition, offset, "key", new byte[0], null, () -> journal.add("ack " + at));
    }

    private static String at(InboundRecord record) {
        return record.partition() + "@" + record.offset();
    }

    private static IncomingCredit bankCredit(String notificationId) {
        return new IncomingCredit(
                notificationId,
                CreditChannel.BANK_TRANSFER,
                new BigDecimal("250.00"),
                "EUR",
                "IT60X0542811101000000123456",
                "REF-" + notificationId,
                "Subscription",
                null,
                "Mario Rossi",
                "NL91ABNA0417164300",
                null,
                null,
                null,
                null,
                LocalDate.parse("2026-03-10"),
                Instant.parse("2026-03-10T09:00:00Z"),
                null);
    }

    /** A store this test does not read back: every write succeeds, every read finds nothing. */
    private static <T> T acceptingEveryWrite(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "accepting " + port.getSimpleName();
                };
            }
            return Flux.class.isAssignableFrom(method.getReturnType()) ? Flux.empty() : Mono.empty();
        }));
    }

    /**
     * The credits' ledger and its transactions: a transaction commits what it recorded only when it completes (and,
     * for a held credit, once released). It knows no portal, order or earlier credit.
     */
    private final class InMemoryLedger implements CreditLedger, Transactions {

        private static final String RECORDED = "recorded in this transaction";

        /** The credits each transaction asked facts for, in order. */
        final List<List<String>> transactions = new CopyOnWriteArrayList<>();

        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final AtomicInteger unreachableFor = new AtomicInteger();
        final AtomicInteger begun = new AtomicInteger();
        private final Map<String, Sinks.Empty<Void>> held = new ConcurrentHashMap<>();

        Sinks.Empty<Void> holdCommitOf(String notificationId) {
            return held.computeIfAbsent(notificationId, id -> Sinks.empty());
        }

        @Override
        public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
            return Mono.defer(() -> {
                begun.incrementAndGet();
                if (unreachableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return Mono.error(new R2dbcTransientResourceException("connection refused"));
                }
                List<String> recorded = new CopyOnWriteArrayList<>();
                return work.get()
                        .contextWrite(Context.of(RECORDED, recorded))
                        .delayUntil(result -> Flux.fromIterable(recorded)
                                .filter(held::containsKey)
                                .concatMap(id -> held.get(id).asMono()))
                        .doOnSuccess(result -> journal.add("commit " + String.join(",", recorded)));
            });
        }

        @Override
        public <T> Flux<T> manyInTransaction(Supplier<Flux<T>> work) {
            return Flux.defer(work);
        }

        @Override
        public Mono<Recorded> recorded(Wanted wanted) {
            return Mono.fromSupplier(() -> {
                transactions.add(List.copyOf(wanted.notificationIds()));
                return new Recorded(Map.of(), Map.of());
            });
        }

        @Override
        public Mono<Void> recordCredits(List<RecordedCreditRow> credits) {
            return Mono.deferContextual(context -> {
                List<String> recorded = context.get(RECORDED);
                for (RecordedCreditRow row : credits) {
                    String id = row.credit().notificationId();
                    if (refused.contains(id)) {
                        return Mono.error(
                                new R2dbcDataIntegrityViolationException("credit " + id + " violates a constraint"));
                    }
                    recorded.add(id);
                }
                return Mono.empty();
            });
        }
    }

    private final class RecordedMetrics implements IngestMetrics {

        @Override
        public void decided(Bookings bookings) {
            metrics.add("decided " + bookings.credits().size());
        }

        @Override
        public void batchProcessed(String topic, int records, long nanos) {
            metrics.add("batch " + topic + " " + records);
        }

        @Override
        public void deadLettered(String topic, boolean mayBeCredit) {
            metrics.add("dead-lettered " + topic + " mayBeCredit=" + mayBeCredit);
        }
    }
}
