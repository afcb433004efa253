package io.crowdrecon.recon.outbox;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox. {@link #append} must be the last write of a use case's transaction:
 * it takes the next numbers of the global event sequence under a lock held until commit, which is
 * what keeps the sequence in commit order.
 */
public interface EventLog {

    /** Appends the events in order; completes empty when written (not yet committed). */
    Mono<Void> append(List<OutboundEvent> events);
}
