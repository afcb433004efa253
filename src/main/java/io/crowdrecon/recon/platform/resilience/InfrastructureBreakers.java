package io.crowdrecon.recon.platform.resilience;

import io.crowdrecon.recon.platform.persistence.InfrastructureFailures;
import io.crowdrecon.recon.shared.ConcurrentChangeException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Circuit breakers around PostgreSQL and the Kafka producer: when one of them keeps failing, calls
 * fail at once (503 for the API, a pause with backoff for the consumers) instead of piling up on
 * timeouts, and a trial call after a while closes the circuit again. Only infrastructure failures
 * count: a refused request or a lost race says nothing about the server's health.
 */
public final class InfrastructureBreakers {

    private final CircuitBreaker database;
    private final CircuitBreaker broker;
    private final CircuitBreakerRegistry registry;

    public InfrastructureBreakers(Duration openFor) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(error ->
                        !(error instanceof ConcurrentChangeException) && InfrastructureFailures.isTransient(error))
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        this.database = registry.circuitBreaker("postgresql");
        this.broker = registry.circuitBreaker("kafka");
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /** The call, through the PostgreSQL breaker: failing at once while the circuit is open. */
    public <T> Mono<T> onDatabase(Mono<T> call) {
        return call.transformDeferred(CircuitBreakerOperator.of(database));
    }

    public <T> Flux<T> onDatabaseMany(Flux<T> call) {
        return call.transformDeferred(CircuitBreakerOperator.of(database));
    }

    /** The call, through the Kafka producer breaker. */
    public <T> Mono<T> onBroker(Mono<T> call) {
        return call.transformDeferred(CircuitBreakerOperator.of(broker));
    }

    public CircuitBreaker.State databaseState() {
        return database.getState();
    }

    public CircuitBreaker.State brokerState() {
        return broker.getState();
    }
}
