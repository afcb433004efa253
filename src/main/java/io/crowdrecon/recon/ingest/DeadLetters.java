package io.crowdrecon.recon.ingest;

import reactor.core.publisher.Mono;

/** Where records that cannot be decided go, with the reason ({@code <topic>.dlq}, SPEC.md section 6). */
public interface DeadLetters {

    /** Publishes the record to its topic's DLQ; completes once the broker has acknowledged it. */
    Mono<Void> send(InboundRecord record, String reason);
}
