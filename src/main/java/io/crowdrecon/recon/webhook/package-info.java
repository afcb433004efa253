/**
 * Webhooks per the Standard Webhooks specification v1: a portal registers endpoints, and every event of its event log
 * whose type an endpoint asked for is POSTed to it as a JSON CloudEvent (structured mode), signed, at least once and in
 * order per key, with retries for up to 3 days. The fan-out turns the log into deliveries under its own lease, so that
 * a slow receiver never holds up the log, the Kafka relay or the SSE streams.
 */
@NullMarked
package io.crowdrecon.recon.webhook;

import org.jspecify.annotations.NullMarked;
