package io.crowdrecon.recon.stream;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Brings committed events to this instance's stream subscribers. One poller per instance reads
 * the shared event log after the last seq it saw (the log's seq is in commit order, so nothing is
 * skipped) and hands each event to the subscribers of its portal, and to the ops subscribers.
 * A change made on another instance reaches this one's clients within one poll interval.
 *
 * <p>Subscribers never slow the poller: each gets events only as fast as it takes them, with a
 * bounded buffer; a client that falls further behind is dropped and resumes with Last-Event-ID.
 * Events are handed out on a thread of their own, not on the database driver's I/O thread that
 * read them: with thousands of clients the hand-out is real work, and the credit pipeline and the
 * API share that I/O thread.
 */
public class EventFanOut {

    private static final Logger log = LoggerFactory.getLogger(EventFanOut.class);
    static final String OPS = "/ops";
    private static final int FIRST_PAGE = 100;

    private final EventHistory history;
    private final Duration interval;
    private final int batch;
    private final Scheduler delivery;
    private final Map<String, Sinks.Many<StoredEvent>> byAudience = new ConcurrentHashMap<>();
    private final AtomicLong position = new AtomicLong(-1);
    private volatile boolean closed;

    /** {@code delivery}: the single thread that hands polled events to the subscribers. */
    public EventFanOut(EventHistory history, Duration interval, int batch, Scheduler delivery) {
        this.history = history;
        this.interval = interval;
        this.batch = batch;
        this.delivery = delivery;
    }

    /**
     * The poll loop, forever. Started once per instance, and again when a stopped instance starts again (a paused
     * application context restarts its lifecycle): then live streams are served again.
     */
    public Flux<Integer> run() {
        return Mono.fromRunnable(this::reopen)
                .then(history.lastSeq())
                .doOnNext(last -> position.compareAndSet(-1, last))
                .thenMany(Mono.defer(this::pollOnce)
                        .flatMap(n -> n < batch ? Mono.delay(interval).thenReturn(n) : Mono.just(n))
                        .repeat())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn(
                                "Event stream poll failed: {}", s.failure().toString())));
    }

    private Mono<Integer> pollOnce() {
        if (!anyoneListening()) {
            return skipCommitted();
        }
        long from = position.get();
        return history.after(from, EventFilter.EVERYTHING, batch)
                .publishOn(delivery)
                .map(events -> {
                    for (StoredEvent event : events) {
                        publish(event);
                        position.set(event.seq());
                    }
                    return events.size();
                });
    }

    /**
     * With no live stream open on this instance, the poller moves past what is committed without reading it (on an
     * instance without clients the log's rows were read and dropped: a tenth of the R2DBC event loop's time under a
     * bank feed). The committed end is read before the listeners are counted again: a client that subscribes after that
     * count replays the log from its own position to at least that end (a stream takes its live feed before it reads
     * the log) and gets what follows live; one that subscribed before it is seen, and nothing is skipped.
     */
    private Mono<Integer> skipCommitted() {
        return history.lastSeq().map(committed -> {
            if (!anyoneListening()) {
                position.accumulateAndGet(committed, Math::max);
            }
            return 0;
        });
    }

    private boolean anyoneListening() {
        for (Sinks.Many<StoredEvent> sink : byAudience.values()) {
            if (sink.currentSubscriberCount() > 0) {
                return true;
            }
        }
        return false;
    }

    private void publish(StoredEvent event) {
        if (event.portalId() != null) {
            emit(event.portalId(), event);
        }
        emit(OPS, event);
    }

    private void emit(String audience, StoredEvent event) {
        Sinks.Many<StoredEvent> sink = byAudience.get(audience);
        if (sink != null) {
            // Only this poller emits; "no subscriber" is the one failure, and it is fine.
            sink.tryEmitNext(event);
        }
    }

    /** The live events of a portal ({@code null}: every portal's, for ops), from now on; until {@link #close()}. */
    public Flux<StoredEvent> live(@Nullable String portalId) {
        if (closed) {
            return Flux.empty();
        }
        String audience = portalId == null ? OPS : portalId;
        Sinks.Many<StoredEvent> sink = byAudience.computeIfAbsent(
                audience, a -> Sinks.many().multicast().directBestEffort());
        if (closed) {
            // The close came between the check and the sink: this client ends with the others.
            sink.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        }
        return sink.asFlux();
    }

    /**
     * Ends every live stream, when the instance stops (after the poller): the clients' responses complete and they
     * resume with Last-Event-ID on another instance at once, instead of hanging silent until the web server's
     * graceful shutdown gives up on them (30 s). Clients arriving later get no live events either.
     */
    public void close() {
        closed = true;
        // The poller may still be handing out its last page: retry a completion that meets it.
        byAudience
                .values()
                .forEach(sink -> sink.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
    }

    private void reopen() {
        if (closed) {
            // Every sink was completed by close(): a client arriving now needs a new one.
            byAudience.clear();
            closed = false;
        }
    }

    /** The last seq handed to subscribers; -1 before the first poll. */
    public long position() {
        return position.get();
    }

    /**
     * The events passing {@code filter} with seq greater than {@code seq} from the log, in order,
     * until caught up with it. The log is asked for the filtered events only, page by page; the
     * first page is small, so that a resumed client's first event does not wait for a whole page.
     */
    public Flux<StoredEvent> replay(long seq, EventFilter filter) {
        return page(seq, filter, Math.min(FIRST_PAGE, batch))
                .expand(page -> page.last() ? Mono.empty() : page(page.lastSeq(), filter, batch))
                .concatMapIterable(Page::events);
    }

    private Mono<Page> page(long after, EventFilter filter, int limit) {
        return history.after(after, filter, limit).map(events -> new Page(events, events.size() < limit));
    }

    /** A page of the log; {@code last} when it was not full, so nothing further is committed yet. */
    private record Page(List<StoredEvent> events, boolean last) {
        long lastSeq() {
            return events.get(events.size() - 1).seq();
        }
    }
}
