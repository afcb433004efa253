package io.crowdrecon.recon.stream;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** The event log, read for streaming: in commit order (seq), kept for 7 days. */
public interface EventHistory {

    /**
     * Up to {@code limit} events with seq greater than {@code seq} that pass {@code filter}, in seq
     * order; fewer than {@code limit} means none further is committed yet. Answered from an index for
     * a filter on an order, a campaign or a portal, whatever the size of the log.
     */
    Mono<List<StoredEvent>> after(long seq, EventFilter filter, int limit);

    /** The highest committed seq (0 when none). */
    Mono<Long> lastSeq();

    /** The lowest seq still kept, or empty when the log holds nothing. */
    Mono<Long> firstKeptSeq();

    /** Forgets events older than the retention that the relay has already published; emits how many. */
    Mono<Long> forgetOlderThan(java.time.Instant cutoff);
}
