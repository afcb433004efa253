package io.crowdrecon.recon.shared;

import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a use case in one database transaction: every write inside, including the events that
 * announce it, commits together or not at all. A use case called inside another's transaction
 * joins it.
 */
public interface Transactions {

    /** Subscribes to {@code work} inside a transaction; emits its value after the commit. */
    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);

    /** Like {@link #inTransaction(Supplier)} for a sequence; commits after the last element. */
    <T> Flux<T> manyInTransaction(Supplier<Flux<T>> work);
}
