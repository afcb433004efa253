/**
 * Server-Sent Events: each portal follows its orders live from the event log, and resumes after a break with
 * {@code Last-Event-ID} ({@link io.crowdrecon.recon.stream.OrderEventStream}, one
 * {@link io.crowdrecon.recon.stream.EventFanOut} per instance). Guarded by {@code OrderEventStreamIT} and
 * {@code StreamShutdownIT}.
 */
@NullMarked
package io.crowdrecon.recon.stream;

import org.jspecify.annotations.NullMarked;
