package io.crowdrecon.recon.outbox;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox. A transaction's events take the next numbers of the global event
 * sequence at its commit, under a lock held until the commit ends, which is what keeps the
 * sequence in commit order.
 */
public interface EventLog {

    /**
     * Appends the events in order. They are numbered and become readable when the transaction commits: not even the
     * transaction itself reads them back. Completes empty.
     */
    Mono<Void> append(List<OutboundEvent> events);
}
