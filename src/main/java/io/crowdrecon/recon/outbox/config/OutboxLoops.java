package io.crowdrecon.recon.outbox.config;

import io.crowdrecon.recon.outbox.OutboxRelay;
import io.crowdrecon.recon.shared.BackgroundLoop;
import io.crowdrecon.recon.shared.BackgroundLoop.Stage;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The relay and its metrics refresh. At shutdown the relay finishes the step in hand, records how far it published and
 * gives its lease up, so that another instance takes over at once without publishing anything twice.
 */
public class OutboxLoops implements BackgroundLoop.Source {

    /** The name of the relay's loop. */
    public static final String RELAY = "Outbox relay";

    private static final Duration FINISH = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final OutboxMetrics metrics;

    public OutboxLoops(OutboxRelay relay, OutboxMetrics metrics) {
        this.relay = relay;
        this.metrics = metrics;
    }

    @Override
    public List<BackgroundLoop> loops() {
        return List.of(
                new BackgroundLoop(RELAY, Stage.RELAY, relay::run, this::finish),
                BackgroundLoop.cancelled("Outbox metrics", Stage.JOBS, metrics::refreshLoop));
    }

    private Mono<Void> finish(Mono<Void> ended, Runnable cancel) {
        return Mono.fromRunnable(relay::finish)
                .then(ended.timeout(FINISH, Mono.fromRunnable(cancel)))
                // The lease expires by itself within seconds if this fails.
                .then(relay.release().timeout(Duration.ofSeconds(2)).onErrorResume(error -> Mono.empty()));
    }
}
