package io.crowdrecon.recon.stream;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One client's stream: every event committed after it connected (or after the id it resumes
 * from), each once, in seq order. On connect it first takes hold of the live events (into a
 * bounded buffer), then reads the log from its starting point, then continues with the live ones;
 * at the seam anything already sent is skipped. A client whose buffer overflows is dropped and
 * resumes with Last-Event-ID.
 */
public class OrderEventStream {

    /** Events a client may fall behind by before it is dropped. */
    public static final int MAX_BEHIND = 1024;

    private final EventFanOut fanOut;
    private final EventHistory history;

    public OrderEventStream(EventFanOut fanOut, EventHistory history) {
        this.fanOut = fanOut;
        this.history = history;
    }

    /** Where a stream starts: after {@code lastEventId}, or after the last committed event. */
    public record Start(long after) {}

    /**
     * Where to start; errors with EVENTS_EXPIRED (412) when events after {@code lastEventId} have
     * already been forgotten (older than the retention).
     */
    public Mono<Start> start(@Nullable Long lastEventId) {
        if (lastEventId == null) {
            return history.lastSeq().map(Start::new);
        }
        return Mono.zip(history.firstKeptSeq().defaultIfEmpty(Long.MAX_VALUE), history.lastSeq())
                .flatMap(t -> {
                    long firstKept = t.getT1();
                    long last = t.getT2();
                    boolean forgotten = lastEventId < last && lastEventId + 1 < Math.min(firstKept, last + 1);
                    return forgotten
                            ? Mono.error(new DomainException(
                                    ErrorCode.EVENTS_EXPIRED,
                                    "Events after " + lastEventId
                                            + " are no longer kept (7 days); reconnect without Last-Event-ID"))
                            : Mono.just(new Start(lastEventId));
                });
    }

    /**
     * The events passing {@code filter} after {@code start}. A portal's filter names its portal: it
     * sees its own events only, whether they come from the log or live.
     */
    public Flux<StoredEvent> events(EventFilter filter, Start start) {
        return Flux.defer(() -> {
            Sinks.Many<StoredEvent> buffer = Sinks.many()
                    .unicast()
                    .onBackpressureBuffer(Queues.<StoredEvent>get(MAX_BEHIND).get());
            // Live events are taken before the log is read, so none can fall between the two.
            Disposable feed = fanOut.live(filter.portalId())
                    .filter(filter)
                    .subscribe(
                            event -> {
                                if (buffer.tryEmitNext(event).isFailure()) {
                                    buffer.tryEmitError(new SlowClientException());
                                }
                            },
                            buffer::tryEmitError,
                            // The instance stops: the client gets what is buffered, then its stream ends.
                            buffer::tryEmitComplete);
            AtomicLong sent = new AtomicLong(start.after());
            return Flux.concat(fanOut.replay(start.after(), filter), buffer.asFlux())
                    .filter(event -> event.seq() > sent.get())
                    .doOnNext(event -> sent.set(event.seq()))
                    .doFinally(signal -> feed.dispose());
        });
    }

    /** The client fell more than {@link #MAX_BEHIND} events behind: it is dropped and resumes. */
    public static class SlowClientException extends RuntimeException {
        SlowClientException() {
            super("client too slow: dropped; resume with Last-Event-ID", null, false, false);
        }
    }
}
