package io.crowdrecon.recon.platform.persistence;

import io.crowdrecon.recon.shared.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Transactions} on Spring's reactive transaction manager (R2DBC): nested calls join. */
public class ReactiveTransactions implements Transactions {

    private final TransactionalOperator operator;

    public ReactiveTransactions(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return Mono.defer(work).as(operator::transactional);
    }

    @Override
    public <T> Flux<T> manyInTransaction(Supplier<Flux<T>> work) {
        return Flux.defer(work).as(operator::transactional);
    }
}
