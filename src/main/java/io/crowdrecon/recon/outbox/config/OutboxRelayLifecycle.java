package io.crowdrecon.recon.outbox.config;

import io.crowdrecon.recon.outbox.OutboxRelay;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** Runs the relay (and its metrics refresh) while the application runs; gives the lease up at shutdown. */
public class OutboxRelayLifecycle implements SmartLifecycle {

    private final OutboxRelay relay;
    private final OutboxMetrics metrics;
    private Disposable running;
    private Disposable refreshing;

    public OutboxRelayLifecycle(OutboxRelay relay, OutboxMetrics metrics) {
        this.relay = relay;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        running = relay.run().subscribe();
        refreshing = metrics.refreshLoop().subscribe();
    }

    @Override
    public synchronized void stop(Runnable callback) {
        if (running != null) {
            running.dispose();
            refreshing.dispose();
            running = null;
        }
        relay.release()
                .timeout(Duration.ofSeconds(2))
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    /** Stops and waits (up to 2 s) for the lease to be given up: called on a lifecycle thread, never an event loop. */
    @Override
    public synchronized void stop() {
        java.util.concurrent.CompletableFuture<Void> released = new java.util.concurrent.CompletableFuture<>();
        stop(() -> released.complete(null));
        try {
            released.get(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The lease then expires by itself within seconds.
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
