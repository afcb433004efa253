package io.crowdrecon.recon.outbox;

import java.util.List;
import reactor.core.publisher.Mono;

/** Publishes events to the broker, each on its topic under its key, in the given order per key. */
public interface EventPublisher {

    /** Completes when the broker has acknowledged every event; errors if any was not. */
    Mono<Void> publish(List<StoredEvent> events);
}
