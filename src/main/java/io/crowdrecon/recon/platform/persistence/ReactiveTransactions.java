package io.crowdrecon.recon.platform.persistence;

import io.crowdrecon.recon.shared.ConcurrentChangeException;
import io.crowdrecon.recon.shared.Transactions;
import io.r2dbc.spi.R2dbcException;
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
        return Mono.defer(work)
                .as(operator::transactional)
                .onErrorMap(ReactiveTransactions::isRace, ConcurrentChangeException::new);
    }

    @Override
    public <T> Flux<T> manyInTransaction(Supplier<Flux<T>> work) {
        return Flux.defer(work)
                .as(operator::transactional)
                .onErrorMap(ReactiveTransactions::isRace, ConcurrentChangeException::new);
    }

    /** Unique violation, serialization failure or deadlock: another transaction got there first. */
    static boolean isRace(Throwable error) {
        if (error instanceof ConcurrentChangeException) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc) {
                String state = r2dbc.getSqlState();
                return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
            }
        }
        return false;
    }
}
