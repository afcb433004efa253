package io.crowdrecon.recon.outbox;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox. A transaction's events take the next numbers of the global event
 * sequence under a lock held until it commits, which is what keeps the sequence in commit order.
 */
public interface EventLog {

    /**
     * Appends the events in order; they become readable when the transaction commits. Must be the transaction's last
     * write: a large batch takes the numbers at once, under a lock held until the commit. Completes empty.
     */
    Mono<Void> append(List<OutboundEvent> events);
}
