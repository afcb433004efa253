package io.crowdrecon.recon.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Publishes the event log to Kafka, at least once, in seq order. One relay at a time holds the
 * lease (the others wait as standbys), so per-key order holds across instances. A batch is
 * published and acknowledged by the broker before the cursor passes it (at the next claim): a relay
 * that dies in between makes its successor publish that batch again, with the same {@code ce_id}s.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Tuning: how many events per step, how long to idle when there is nothing to do, the lease. */
    public record Settings(int batchSize, Duration idle, Duration standby, Duration lease) {
        public static final Settings DEFAULT =
                new Settings(2000, Duration.ofMillis(25), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    private final RelayStore store;
    private final EventPublisher publisher;
    private final String owner;
    private final Settings settings;
    private final Consumer<List<StoredEvent>> onPublished;
    private final List<AfterPublication> afterPublication;
    /** The last seq this relay published and the broker acknowledged (0: none yet). */
    private final AtomicLong published = new AtomicLong();

    private final java.util.concurrent.atomic.AtomicBoolean finishing = new java.util.concurrent.atomic.AtomicBoolean();

    public OutboxRelay(
            RelayStore store,
            EventPublisher publisher,
            String owner,
            Settings settings,
            Consumer<List<StoredEvent>> onPublished) {
        this(store, publisher, owner, settings, onPublished, List.of());
    }

    public OutboxRelay(
            RelayStore store,
            EventPublisher publisher,
            String owner,
            Settings settings,
            Consumer<List<StoredEvent>> onPublished,
            List<AfterPublication> afterPublication) {
        this.store = store;
        this.publisher = publisher;
        this.owner = owner;
        this.settings = settings;
        this.onPublished = onPublished;
        this.afterPublication = List.copyOf(afterPublication);
    }

    /** The relay loop, until {@link #finish()}; emits the number of events each step published. */
    public Flux<Integer> run() {
        finishing.set(false);
        return Mono.defer(this::step)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn(
                                "Outbox relay step failed (attempt {}): {}",
                                signal.totalRetries() + 1,
                                signal.failure().toString())))
                .repeat(() -> !finishing.get());
    }

    /** Asks the loop to complete after the step in hand, so that what it published is recorded. */
    public void finish() {
        finishing.set(true);
    }

    /** Records what was published and gives the lease up, so that another instance takes over at once. */
    public Mono<Void> release() {
        // Deferred: read how far it published only once the step in hand has finished.
        return Mono.defer(() -> store.release(owner, published.get()));
    }

    /** The capabilities' follow-ups of a published batch; a failure is theirs, not the publication's. */
    private Mono<Void> afterPublished(List<StoredEvent> events) {
        return Flux.fromIterable(afterPublication)
                .concatMap(after -> after.published(events).onErrorResume(error -> {
                    log.warn(
                            "After publishing events up to seq {}: {}",
                            events.get(events.size() - 1).seq(),
                            error.toString());
                    return Mono.empty();
                }))
                .then();
    }

    /** One step: claim (advancing past the last batch), publish what follows. Emits the count published. */
    Mono<Integer> step() {
        return store.claim(owner, settings.lease(), published.get(), settings.batchSize())
                .flatMap(claim -> {
                    List<StoredEvent> events = claim.events();
                    if (events.isEmpty()) {
                        return Mono.delay(settings.idle()).thenReturn(0);
                    }
                    return publisher
                            .publish(events)
                            .then(Mono.fromCallable(() -> {
                                published.set(events.get(events.size() - 1).seq());
                                onPublished.accept(events);
                                return events.size();
                            }))
                            .flatMap(count -> afterPublished(events).thenReturn(count));
                })
                .switchIfEmpty(Mono.defer(() -> {
                    // Not the publisher: whoever is resumes from the shared cursor.
                    published.set(0);
                    return Mono.delay(settings.standby()).thenReturn(0);
                }));
    }
}
