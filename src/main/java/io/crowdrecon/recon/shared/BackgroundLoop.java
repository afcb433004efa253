package io.crowdrecon.recon.shared;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A loop that runs as long as the service does: an inbound consumer, the outbox relay, the live-stream poller, a
 * periodic job. Capabilities declare their loops; one runner ({@code platform.config.BackgroundLoops}) starts them,
 * restarts one that fails, and stops them all at shutdown, stage by stage in {@link Stage} order.
 *
 * @param name for the logs
 * @param run the loop; subscribed once at start, again after a failure (with backoff), never after it completed
 * @param stop how the loop ends at shutdown: given a signal that completes when the loop has ended and a way to cancel
 *     it, a Mono that completes when the loop may be forgotten; the runner cancels the loop after it in any case
 */
public record BackgroundLoop(String name, Stage stage, Supplier<Flux<?>> run, Stop stop) {

    /** The order of shutdown; start-up goes the other way round. */
    public enum Stage {
        /** Live streams: ended first, so that the web server's graceful shutdown need not wait for them. */
        STREAMS,
        /** Inbound consumers: finish the batch in hand and commit it. */
        CONSUMERS,
        /** The outbox relay: publishes what the consumers committed, then gives its lease up. */
        RELAY,
        /** Periodic jobs and metrics: cancelled last. */
        JOBS;

        /** For the log: "Consumers stopped" once every consumer drained. */
        public String title() {
            return switch (this) {
                case STREAMS -> "Live streams";
                case CONSUMERS -> "Consumers";
                case RELAY -> "Outbox relay";
                case JOBS -> "Jobs";
            };
        }
    }

    /** How one loop ends at shutdown. */
    @FunctionalInterface
    public interface Stop {
        /**
         * @param ended completes when the loop has ended (completed, failed or cancelled)
         * @param cancel cancels the loop at once
         * @return completes when the loop may be forgotten
         */
        Mono<Void> stop(Mono<Void> ended, Runnable cancel);
    }

    public BackgroundLoop {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(stop, "stop");
    }

    /** What a capability gives the runner: its loops. */
    @FunctionalInterface
    public interface Source {
        List<BackgroundLoop> loops();
    }

    /** A loop that is simply cancelled at shutdown. */
    public static BackgroundLoop cancelled(String name, Stage stage, Supplier<Flux<?>> run) {
        return new BackgroundLoop(name, stage, run, (ended, cancel) -> Mono.fromRunnable(cancel));
    }
}
