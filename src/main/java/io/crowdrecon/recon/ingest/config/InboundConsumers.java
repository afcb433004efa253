package io.crowdrecon.recon.ingest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Starts the long-running inbound consumers once the application is ready (the only subscribe()
 * of the service's own code) and stops them first at shutdown, before the database goes.
 */
public class InboundConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundConsumers.class);

    /** One consumer: its loop, how to drain it, and whether it has joined its group. */
    public record Consumer(String name, Supplier<Flux<?>> loop, Supplier<Mono<Void>> drain, BooleanSupplier assigned) {}

    private final List<Consumer> consumers;
    private final List<Disposable> running = new ArrayList<>();

    public InboundConsumers(List<Consumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public synchronized void start() {
        for (Consumer consumer : consumers) {
            running.add(Flux.defer(() -> consumer.loop().get())
                    // A broken loop (a bug, a lost broker session) restarts: the uncommitted records come again.
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                            .maxBackoff(Duration.ofSeconds(30))
                            .doBeforeRetry(signal ->
                                    log.error("Consumer {} failed; restarting it", consumer.name(), signal.failure())))
                    .subscribe());
            log.info("Consumer {} started", consumer.name());
        }
    }

    /** Lets every consumer finish the batch in hand (acknowledged), then stops them. */
    @Override
    public synchronized void stop(Runnable callback) {
        List<Disposable> stopping = new ArrayList<>(running);
        running.clear();
        Flux.fromIterable(consumers)
                .flatMap(consumer -> consumer.drain().get())
                .then()
                .doFinally(signal -> {
                    stopping.forEach(Disposable::dispose);
                    log.info("Consumers stopped");
                    callback.run();
                })
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        running.forEach(Disposable::dispose);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    /** Whether every consumer has joined its group and received its partitions. */
    public boolean allAssigned() {
        return isRunning() && consumers.stream().allMatch(c -> c.assigned().getAsBoolean());
    }

    @Override
    public int getPhase() {
        // Stopped before the web server and the connection pool.
        return Integer.MAX_VALUE - 100;
    }
}
