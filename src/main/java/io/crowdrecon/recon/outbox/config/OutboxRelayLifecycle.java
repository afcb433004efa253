package io.crowdrecon.recon.outbox.config;

import io.crowdrecon.recon.outbox.OutboxRelay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs the relay (and its metrics refresh) while the application runs. At shutdown the relay
 * finishes the step in hand, records how far it published and gives its lease up, so that another
 * instance takes over at once without publishing anything twice.
 */
public class OutboxRelayLifecycle implements SmartLifecycle {

    private static final Duration FINISH = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final OutboxMetrics metrics;
    private Disposable running;
    private Disposable refreshing;
    private Sinks.Empty<Void> finished;

    public OutboxRelayLifecycle(OutboxRelay relay, OutboxMetrics metrics) {
        this.relay = relay;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        Sinks.Empty<Void> done = Sinks.empty();
        finished = done;
        running = relay.run().doFinally(signal -> done.tryEmitEmpty()).subscribe();
        refreshing = metrics.refreshLoop().subscribe();
    }

    @Override
    public synchronized void stop(Runnable callback) {
        if (running == null) {
            callback.run();
            return;
        }
        Disposable loop = running;
        Disposable refresh = refreshing;
        Sinks.Empty<Void> done = finished;
        running = null;
        relay.finish();
        done.asMono()
                .timeout(FINISH, Mono.fromRunnable(loop::dispose))
                .then(relay.release().timeout(Duration.ofSeconds(2)).onErrorResume(error -> Mono.empty()))
                .doFinally(signal -> {
                    refresh.dispose();
                    callback.run();
                })
                .subscribe();
    }

    /** Stops and waits for the lease to be given up: called on a lifecycle thread, never an event loop. */
    @Override
    public void stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        stop(() -> stopped.complete(null));
        try {
            stopped.get(FINISH.toSeconds() + 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
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
