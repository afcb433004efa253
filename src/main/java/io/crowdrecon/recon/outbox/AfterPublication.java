package io.crowdrecon.recon.outbox;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What a capability does once its events are on Kafka (acknowledged by the broker), such as a payment file counted as
 * taken once its announcement is on the topic. Called by the relay after each published batch, with the whole batch;
 * at least once (a relay that dies before it is called leaves the batch to its successor, which publishes it again and
 * calls it again), so it must be idempotent. Its failure is logged and does not undo or repeat the publication.
 */
public interface AfterPublication {

    Mono<Void> published(List<StoredEvent> events);
}
