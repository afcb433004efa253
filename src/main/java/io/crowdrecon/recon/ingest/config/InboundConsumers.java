package io.crowdrecon.recon.ingest.config;

import io.crowdrecon.recon.shared.BackgroundLoop;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The long-running inbound consumers, run by the service's one runner of background loops: started after the relay,
 * stopped before it at shutdown, each finishing the batch in hand (acknowledged) first.
 */
public class InboundConsumers implements BackgroundLoop.Source {

    /** One consumer: its loop, how to drain it, and whether it has joined its group. */
    public record Consumer(String name, Supplier<Flux<?>> loop, Supplier<Mono<Void>> drain, BooleanSupplier assigned) {}

    private final List<Consumer> consumers;
    private final AtomicInteger running = new AtomicInteger();

    public InboundConsumers(List<Consumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public List<BackgroundLoop> loops() {
        return consumers.stream()
                .map(consumer -> new BackgroundLoop(
                        "Consumer " + consumer.name(),
                        BackgroundLoop.Stage.CONSUMERS,
                        () -> consumer.loop()
                                .get()
                                .doOnSubscribe(subscription -> running.incrementAndGet())
                                .doFinally(signal -> running.decrementAndGet()),
                        (ended, cancel) -> consumer.drain().get()))
                .toList();
    }

    /** Whether every consumer's loop runs. */
    public boolean isRunning() {
        return running.get() >= consumers.size();
    }

    /** Whether every consumer runs, has joined its group and received its partitions. */
    public boolean allAssigned() {
        return isRunning() && consumers.stream().allMatch(c -> c.assigned().getAsBoolean());
    }
}
