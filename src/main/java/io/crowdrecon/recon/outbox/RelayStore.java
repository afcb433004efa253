package io.crowdrecon.recon.outbox;

import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/** The relay's view of the event log: a lease that makes one relay the publisher, and its cursor. */
public interface RelayStore {

    /**
     * Takes or renews the lease for {@code owner}; emits the last published seq when this owner
     * holds the lease, empty when another relay does.
     */
    Mono<Long> claim(String owner, Duration lease);

    /** Up to {@code limit} events after {@code seq}, in seq order. */
    Mono<List<StoredEvent>> after(long seq, int limit);

    /** Moves the cursor to {@code seq} if {@code owner} still holds the lease; emits whether it did. */
    Mono<Boolean> advance(String owner, long seq);

    /** Gives the lease up (at shutdown), so that another relay takes over at once. */
    Mono<Void> release(String owner);
}
