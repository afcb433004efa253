package io.crowdrecon.recon.stream;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** The event log, read for streaming: in commit order (seq), kept for 7 days. */
public interface EventHistory {

    /** Up to {@code limit} events with seq greater than {@code seq}, in seq order. */
    Mono<List<StoredEvent>> after(long seq, int limit);

    /** The highest committed seq (0 when none). */
    Mono<Long> lastSeq();

    /** The lowest seq still kept, or empty when the log holds nothing. */
    Mono<Long> firstKeptSeq();

    /** Forgets events older than the retention that the relay has already published; emits how many. */
    Mono<Long> forgetOlderThan(java.time.Instant cutoff);
}
