package io.crowdrecon.recon.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The relay's own rules, on an in-memory log and lease (the semantics of R2dbcRelayStore's claim and release) and
 * virtual time: it publishes in seq order, at most {@code batchSize} per step; the cursor passes a batch only at the
 * claim after the publisher confirmed it; one relay holds the lease and renews it at each step while the others wait
 * in standby; {@code finish} ends the loop after the step in hand and {@code release} gives the lease up.
 */
class OutboxRelayTests {

    /** Real time: a scenario that does not end within it has failed (virtual time makes each take milliseconds). */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration STANDBY = Duration.ofSeconds(5);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final OutboxRelay.Settings SETTINGS = new OutboxRelay.Settings(2, IDLE, STANDBY, LEASE);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final InMemoryRelayStore store = new InMemoryRelayStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    /** The seqs of the batches the relay reported published, in order. */
    private final List<List<Long>> reported = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopVirtualTime() {
        VirtualTimeScheduler.reset();
    }

    @Test
    void publishesTheLogInSeqOrderAtMostBatchSizeEventsPerStep() {
        store.append(5);
        OutboxRelay relay = relay("relay-a");

        StepVerifier.withVirtualTime(relay::run, () -> time, Long.MAX_VALUE)
                .expectNext(2, 2, 1)
                .then(relay::finish)
                .thenAwait(IDLE)
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(publisher.batches).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
        assertThat(reported).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
        assertThat(store.cursor).isEqualTo(5);
    }

    @Test
    void movesTheCursorPastABatchOnlyAtTheClaimAfterThePublisherConfirmedIt() {
        store.append(3);
        publisher.holdEachBatch = true;
        OutboxRelay relay = relay("relay-a");

        StepVerifier.withVirtualTime(relay::run, () -> time, Long.MAX_VALUE)
                .then(() -> {
                    assertThat(publisher.batches).containsExactly(List.of(1L, 2L));
                    assertThat(store.cursor).isZero();
                    assertThat(reported).isEmpty();
                })
                .then(publisher::confirm)
                .expectNext(2)
                .then(() -> {
                    assertThat(publisher.batches).containsExactly(List.of(1L, 2L), List.of(3L));
                    assertThat(store.cursor).isEqualTo(2);
                    assertThat(reported).containsExactly(List.of(1L, 2L));
                })
                .then(relay::finish)
                .then(publisher::confirm)
                .expectNext(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(store.claims).containsExactly("relay-a published 0", "relay-a published 2");
        assertThat(store.cursor).isEqualTo(2);
    }

    @Test
    void publishesTheSameBatchAgainAfterThePublisherFailedWithoutMovingTheCursor() {
        store.append(2);
        publisher.failures.set(2);
        OutboxRelay relay = relay("relay-a");

        StepVerifier.withVirtualTime(relay::run, () -> time, Long.MAX_VALUE)
                .then(() -> assertThat(store.cursor).isZero())
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(2)
                .then(relay::finish)
                .thenAwait(IDLE)
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(publisher.batches).containsExactly(List.of(1L, 2L), List.of(1L, 2L), List.of(1L, 2L));
        assertThat(reported).containsExactly(List.of(1L, 2L));
        assertThat(store.claims)
                .containsExactly(
                        "relay-a published 0", "relay-a published 0", "relay-a published 0", "relay-a published 2");
        assertThat(store.cursor).isEqualTo(2);
    }

    @Test
    void keepsGoingAfterTheStoreFailedAStep() {
        store.append(1);
        store.failures.set(1);
        OutboxRelay relay = relay("relay-a");

        StepVerifier.withVirtualTime(relay::run, () -> time, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(1)
                .then(relay::finish)
                .thenAwait(IDLE)
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(publisher.batches).containsExactly(List.of(1L));
    }

    @Test
    void takesTheLeaseAndRenewsItAtEveryStep() {
        OutboxRelay relay = relay("relay-a");

        StepVerifier.withVirtualTime(relay::run, () -> time, Long.MAX_VALUE)
                .then(() -> assertLeaseHeldUntil("relay-a", LEASE))
                .thenAwait(IDLE)
                .expectNext(0)
                .then(() -> assertLeaseHeldUntil("relay-a", IDLE.plus(LEASE)))
                .thenAwait(IDLE.multipliedBy(40))
                .expectNextCount(40)
                .then(() ->
                        assertLeaseHeldUntil("relay-a", IDLE.multipliedBy(41).plus(LEASE)))
                .then(relay::finish)
                .thenAwait(IDLE)
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void waitsInStandbyWhileAnotherRelayHoldsTheLeaseAndTakesOverFromTheSharedCursorWhenItExpires() {
        store.append(3);
        OutboxRelay first = relay("relay-a");
        // The first relay publishes one batch, then stops without recording it (it will never claim again).
        StepVerifier.create(first.step()).expectNext(2).expectComplete().verify(TIMEOUT);
        OutboxRelay second = relay("relay-b");

        StepVerifier.withVirtualTime(second::run, () -> time, Long.MAX_VALUE)
                .then(() -> assertThat(store.claims).containsExactly("relay-a published 0", "relay-b published 0"))
                .thenAwait(STANDBY)
                .expectNext(0)
                .thenAwait(LEASE.minus(STANDBY))
                .expectNext(0, 0, 0, 0, 0)
                .then(() -> assertThat(publisher.batches).containsExactly(List.of(1L, 2L)))
                .thenAwait(STANDBY)
                // The lease ran out: the second relay publishes again what the first did not record, then the rest.
                .expectNext(0, 2, 1)
                .then(second::finish)
                .thenAwait(IDLE)
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(publisher.batches).containsExactly(List.of(1L, 2L), List.of(1L, 2L), List.of(3L));
        assertThat(store.owner).isEqualTo("relay-b");
        assertThat(store.cursor).isEqualTo(3);
    }

    @Test
    void aRelayInStandbyForgetsHowFarItPublishedAndResumesFromTheSharedCursor() {
        store.append(2);
        OutboxRelay relay = relay("relay-a");
        StepVerifier.create(relay.step()).expectNext(2).expectComplete().verify(TIMEOUT);
        // Another relay takes the lease (the first was too slow), records its progress and releases it.
        time.advanceTimeBy(LEASE.plusMillis(1));
        StepVerifier.create(store.claim("relay-b", LEASE, 0, 2))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.withVirtualTime(() -> relay.step(), () -> time, Long.MAX_VALUE)
                .thenAwait(STANDBY)
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(store.release("relay-b", 0)).expectComplete().verify(TIMEOUT);

        StepVerifier.create(relay.step()).expectNext(2).expectComplete().verify(TIMEOUT);

        assertThat(store.claims)
                .containsExactly(
                        "relay-a published 0", "relay-b published 0", "relay-a published 2", "relay-a published 0");
    }

    @Test
    void finishEndsTheLoopAfterTheStepInHandAndReleaseRecordsWhatItPublished() {
        store.append(3);
        publisher.holdEachBatch = true;
        OutboxRelay relay = relay("relay-a");
        Mono<Void> release = relay.release();

        StepVerifier.withVirtualTime(relay::run, () -> time, Long.MAX_VALUE)
                .then(relay::finish)
                .then(() -> assertThat(publisher.batches).containsExactly(List.of(1L, 2L)))
                .then(publisher::confirm)
                .expectNext(2)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(store.claims).containsExactly("relay-a published 0");
        StepVerifier.create(release).expectComplete().verify(TIMEOUT);
        assertThat(store.cursor).isEqualTo(2);
        assertThat(store.owner).isNull();
        publisher.holdEachBatch = false;
        // Another instance takes over at once, without waiting for the lease to run out, and publishes what follows.
        StepVerifier.create(relay("relay-b").step())
                .expectNext(1)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(publisher.batches).containsExactly(List.of(1L, 2L), List.of(3L));
    }

    @Test
    void releaseAfterTheStepInHandWasCancelledDoesNotRecordTheBatchThePublisherNeverConfirmed() {
        // At shutdown the step in hand is cancelled if it does not finish in time; the lease is released anyway.
        store.append(2);
        publisher.holdEachBatch = true;
        OutboxRelay relay = relay("relay-a");

        StepVerifier.withVirtualTime(relay::run, () -> time, Long.MAX_VALUE)
                .then(() -> assertThat(publisher.batches).containsExactly(List.of(1L, 2L)))
                .thenCancel()
                .verify(TIMEOUT);
        StepVerifier.create(relay.release()).expectComplete().verify(TIMEOUT);

        assertThat(store.owner).isNull();
        assertThat(store.cursor).isZero();
        assertThat(reported).isEmpty();
    }

    @Test
    void releaseByARelayThatDoesNotHoldTheLeaseChangesNothing() {
        store.append(2);
        StepVerifier.create(relay("relay-a").step())
                .expectNext(2)
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(relay("relay-b").release()).expectComplete().verify(TIMEOUT);

        assertThat(store.owner).isEqualTo("relay-a");
        assertThat(store.cursor).isZero();
    }

    @Test
    void handsEachPublishedBatchToWhatFollowsPublicationAndAFailureThereUndoesNothing() {
        store.append(2);
        List<List<Long>> followed = new CopyOnWriteArrayList<>();
        AfterPublication failing = events -> Mono.error(new IllegalStateException("a follow-up failed"));
        AfterPublication recording = events -> Mono.fromRunnable(() -> followed.add(seqs(events)));
        OutboxRelay relay = new OutboxRelay(
                store,
                publisher,
                "relay-a",
                SETTINGS,
                events -> reported.add(seqs(events)),
                List.of(failing, recording));

        StepVerifier.create(relay.step()).expectNext(2).expectComplete().verify(TIMEOUT);
        store.append(1);
        StepVerifier.create(relay.step()).expectNext(1).expectComplete().verify(TIMEOUT);

        // Published once each and the cursor past them, although the first follow-up failed each time.
        assertThat(followed).containsExactly(List.of(1L, 2L), List.of(3L));
        assertThat(reported).containsExactly(List.of(1L, 2L), List.of(3L));
        assertThat(store.cursor).isEqualTo(2);
    }

    private OutboxRelay relay(String owner) {
        return new OutboxRelay(store, publisher, owner, SETTINGS, events -> reported.add(seqs(events)));
    }

    private void assertLeaseHeldUntil(String owner, Duration sinceStart) {
        assertThat(store.owner).isEqualTo(owner);
        assertThat(store.leaseUntil).isEqualTo(sinceStart.toMillis());
    }

    private static List<Long> seqs(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::seq).toList();
    }

    /** The event log and the relay lease in memory, with R2dbcRelayStore's rules and a virtual clock. */
    private final class InMemoryRelayStore implements RelayStore {

        private final List<StoredEvent> log = new ArrayList<>();
        /** Each claim as "owner published n", in order. */
        final List<String> claims = new CopyOnWriteArrayList<>();

        final AtomicInteger failures = new AtomicInteger();
        volatile String owner;
        volatile long leaseUntil = Long.MIN_VALUE;
        volatile long cursor;

        synchronized void append(int n) {
            for (int i = 0; i < n; i++) {
                long seq = log.size() + 1;
                log.add(new StoredEvent(
                        seq,
                        "event-" + seq,
                        "recon.order-events",
                        "TRX" + seq,
                        "crowdrecon.order.status-changed.v1",
                        "/portals/P1",
                        "P1",
                        "TRX" + seq,
                        "C1",
                        "{}",
                        Instant.parse("2026-03-10T10:00:00Z")));
            }
        }

        @Override
        public Mono<Claim> claim(String owner, Duration lease, long published, int limit) {
            return Mono.defer(() -> {
                synchronized (this) {
                    claims.add(owner + " published " + published);
                    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return Mono.error(new IllegalStateException("connection lost"));
                    }
                    long now = time.now(TimeUnit.MILLISECONDS);
                    if (!(owner.equals(this.owner) || this.owner == null || leaseUntil < now)) {
                        return Mono.empty();
                    }
                    if (owner.equals(this.owner)) {
                        cursor = Math.max(cursor, published);
                    }
                    this.owner = owner;
                    leaseUntil = now + lease.toMillis();
                    List<StoredEvent> events = log.stream()
                            .filter(e -> e.seq() > cursor)
                            .limit(limit)
                            .toList();
                    return Mono.just(new Claim(cursor, events));
                }
            });
        }

        @Override
        public Mono<Void> release(String owner, long published) {
            return Mono.fromRunnable(() -> {
                synchronized (this) {
                    if (owner.equals(this.owner)) {
                        cursor = Math.max(cursor, published);
                        this.owner = null;
                        leaseUntil = Long.MIN_VALUE;
                    }
                }
            });
        }
    }

    /** Records every batch it is given; may fail the next ones, or hold each until {@link #confirm()}. */
    private static final class RecordingPublisher implements EventPublisher {

        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        volatile boolean holdEachBatch;
        private volatile Sinks.Empty<Void> pending;

        @Override
        public Mono<Void> publish(List<StoredEvent> events) {
            return Mono.defer(() -> {
                batches.add(seqs(events));
                if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return Mono.error(new IllegalStateException("broker did not acknowledge"));
                }
                if (!holdEachBatch) {
                    return Mono.empty();
                }
                pending = Sinks.empty();
                return pending.asMono();
            });
        }

        /** The broker acknowledges the batch in hand. */
        void confirm() {
            pending.tryEmitEmpty();
        }
    }
}
