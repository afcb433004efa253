package io.crowdrecon.recon.ingest;

import java.util.List;
import reactor.core.publisher.Flux;

/**
 * An inbound topic as batches of records, each batch one poll of the broker. The next batch is
 * fetched only when the previous one has been requested: a slow database slows polling, it never
 * piles records up in memory.
 */
public interface InboundSource {

    /** The batches, forever; subscribe once. */
    Flux<List<InboundRecord>> batches();
}
