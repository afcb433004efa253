package io.crowdrecon.recon.ingest;

import reactor.core.publisher.Flux;

/**
 * An inbound topic as a stream of records, each partition's in order. Records are fetched only as
 * fast as they are requested: a slow database slows polling, it never piles records up in memory.
 */
public interface InboundSource {

    /** The records, forever; subscribe once. */
    Flux<InboundRecord> records();
}
