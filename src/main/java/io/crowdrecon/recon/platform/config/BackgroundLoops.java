package io.crowdrecon.recon.platform.config;

import io.crowdrecon.recon.shared.BackgroundLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The one place that runs the service's {@link BackgroundLoop}s (the only {@code subscribe()} of a long-running loop in
 * the service's code). Starts them once the context is up, the relay first; restarts a loop that fails, with backoff;
 * at shutdown stops them stage by stage (live streams, consumers, relay, jobs), each stage's loops together, before the
 * web server's graceful shutdown and before the connection pool closes.
 */
public class BackgroundLoops implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoops.class);

    /** How long one stage may take to stop before its loops are cancelled regardless. */
    static final Duration STAGE_LIMIT = Duration.ofSeconds(10);

    private final List<BackgroundLoop> loops;
    private final List<Running> running = new ArrayList<>();

    private record Running(BackgroundLoop loop, Disposable subscription, Mono<Void> ended) {}

    public BackgroundLoops(List<BackgroundLoop.Source> sources) {
        this.loops = sources.stream()
                .flatMap(source -> source.loops().stream())
                .sorted(Comparator.comparing(BackgroundLoop::stage).reversed())
                .toList();
    }

    @Override
    public synchronized void start() {
        if (!running.isEmpty()) {
            return;
        }
        loops.forEach(this::launch);
    }

    private void launch(BackgroundLoop loop) {
        Sinks.Empty<Void> ended = Sinks.empty();
        Disposable subscription = Flux.defer(() -> loop.run().get())
                // A broken loop (a bug, a lost broker session) starts again: what it had not committed comes again.
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.error("{} failed; restarting it", loop.name(), signal.failure())))
                .doFinally(signal -> ended.tryEmitEmpty())
                .subscribe();
        running.add(new Running(loop, subscription, ended.asMono()));
        log.info("{} started", loop.name());
    }

    /** The names of the loops, in start order. */
    public List<String> names() {
        return loops.stream().map(BackgroundLoop::name).toList();
    }

    /** Stops one loop as at shutdown, and waits (tests and ops: a relay handing over, a consumer paused). */
    public void stop(String name) {
        Running one;
        synchronized (this) {
            one = running.stream()
                    .filter(r -> r.loop().name().equals(name))
                    .findFirst()
                    .orElse(null);
            running.remove(one);
        }
        if (one != null) {
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            stop(one).doFinally(signal -> stopped.complete(null)).subscribe();
            await(stopped, STAGE_LIMIT.toSeconds() + 1);
        }
    }

    /** Starts one loop again after {@link #stop(String)}; nothing when it runs. */
    public synchronized void start(String name) {
        boolean runs = running.stream().anyMatch(r -> r.loop().name().equals(name));
        if (!runs) {
            loops.stream().filter(loop -> loop.name().equals(name)).forEach(this::launch);
        }
    }

    /** Stops every loop, stage by stage; {@code callback} runs once all have stopped. */
    @Override
    public synchronized void stop(Runnable callback) {
        List<Running> stopping = new ArrayList<>(running);
        running.clear();
        Flux.fromArray(BackgroundLoop.Stage.values())
                .concatMap(stage -> Flux.fromIterable(stopping)
                        .filter(r -> r.loop().stage() == stage)
                        .flatMap(BackgroundLoops::stop)
                        .then(Mono.fromRunnable(() -> log.info("{} stopped", stage.title()))))
                .doFinally(signal -> {
                    log.info("Background loops stopped");
                    callback.run();
                })
                .subscribe();
    }

    private static Mono<Void> stop(Running r) {
        return r.loop()
                .stop()
                .stop(r.ended(), r.subscription()::dispose)
                .timeout(STAGE_LIMIT, Mono.empty())
                .onErrorResume(error -> {
                    log.warn("{} did not stop cleanly", r.loop().name(), error);
                    return Mono.empty();
                })
                .doFinally(signal -> r.subscription().dispose());
    }

    /** Stops and waits: called on a lifecycle thread, never an event loop. */
    @Override
    public void stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        stop(() -> stopped.complete(null));
        await(stopped, BackgroundLoop.Stage.values().length * STAGE_LIMIT.toSeconds() + 1);
    }

    private static void await(CompletableFuture<Void> stopped, long seconds) {
        try {
            stopped.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Background loops did not stop in time", e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    @Override
    public int getPhase() {
        // Stopped before the web server's graceful shutdown (DEFAULT_PHASE - 1024) and the connection pool.
        return Integer.MAX_VALUE - 100;
    }
}
