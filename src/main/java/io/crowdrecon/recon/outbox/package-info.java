/**
 * The transactional outbox: every use case appends the events announcing its changes
 * ({@link io.crowdrecon.recon.outbox.EventLog}) in the transaction that makes them, and
 * {@link io.crowdrecon.recon.outbox.OutboxRelay} publishes them to Kafka as CloudEvents, in order per key, at least
 * once. Guarded by {@code OutboxRelayIT}.
 */
@NullMarked
package io.crowdrecon.recon.outbox;

import org.jspecify.annotations.NullMarked;
