/**
 * The transactional outbox: every use case appends the events announcing its changes
 * ({@link io.crowdrecon.recon.outbox.EventLog}) in the transaction that makes them, and
 * {@link io.crowdrecon.recon.outbox.OutboxRelay} publishes them to Kafka as CloudEvents, in order per key, at least
 * once. An event publishes its JSON payload as data, or, when it has {@link io.crowdrecon.recon.outbox.PublishedData},
 * other bytes (or none) with CloudEvents extensions, which the SSE streams never read. The log's seqs follow the
 * commits and have no gaps; an API call's few events are numbered inside its COMMIT (migration V23), so that no
 * writer holds the counter across a round trip. Guarded by {@code R2dbcEventLogIT}, {@code OutboxRelayIT} and {@code
 * KafkaEventPublisherTests}.
 */
@NullMarked
package io.crowdrecon.recon.outbox;

import org.jspecify.annotations.NullMarked;
