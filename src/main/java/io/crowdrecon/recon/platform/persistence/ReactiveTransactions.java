package io.crowdrecon.recon.platform.persistence;

import io.crowdrecon.recon.platform.resilience.InfrastructureBreakers;
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
    private final InfrastructureBreakers breakers;

    public ReactiveTransactions(TransactionalOperator operator, InfrastructureBreakers breakers) {
        this.operator = operator;
        this.breakers = breakers;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        Mono<T> transactional = operator.transactional(Mono.defer(work));
        return breakers.onDatabase(transactional)
                .onErrorMap(ReactiveTransactions::isRace, ConcurrentChangeException::new);
    }

    @Override
    public <T> Flux<T> manyInTransaction(Supplier<Flux<T>> work) {
        Flux<T> transactional = operator.transactional(Flux.defer(work));
        return breakers.onDatabaseMany(transactional)
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
