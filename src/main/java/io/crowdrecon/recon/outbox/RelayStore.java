package io.crowdrecon.recon.outbox;

import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/** The relay's view of the event log: a lease that makes one relay the publisher, and its cursor. */
public interface RelayStore {

    /** What a relay holding the lease may publish next. */
    record Claim(long cursor, List<StoredEvent> events) {}

    /**
     * In one round trip: takes or renews the lease for {@code owner}; if this owner already held
     * it, moves the cursor to {@code published} (what it published last step); and reads up to
     * {@code limit} events after the cursor. Emits empty when another relay holds the lease.
     */
    Mono<Claim> claim(String owner, Duration lease, long published, int limit);

    /** Moves the cursor to {@code seq} (if this owner holds the lease) and gives the lease up. */
    Mono<Void> release(String owner, long published);
}
