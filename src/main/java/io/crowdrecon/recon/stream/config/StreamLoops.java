package io.crowdrecon.recon.stream.config;

import io.crowdrecon.recon.shared.BackgroundLoop;
import io.crowdrecon.recon.shared.BackgroundLoop.Stage;
import io.crowdrecon.recon.shared.Periodically;
import io.crowdrecon.recon.stream.EventFanOut;
import io.crowdrecon.recon.stream.EventHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * This instance's event poller, stopped first at shutdown: it ends the live streams, so that the web server's graceful
 * shutdown need not wait for them (they resume elsewhere with Last-Event-ID). And, hourly, forgetting the events older
 * than the retention (7 days).
 */
public class StreamLoops implements BackgroundLoop.Source {

    private final EventFanOut fanOut;
    private final EventHistory history;
    private final Clock clock;
    private final Duration retention;

    public StreamLoops(EventFanOut fanOut, EventHistory history, Clock clock, Duration retention) {
        this.fanOut = fanOut;
        this.history = history;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public List<BackgroundLoop> loops() {
        return List.of(
                new BackgroundLoop(
                        "Live-stream poller",
                        Stage.STREAMS,
                        fanOut::run,
                        (ended, cancel) -> Mono.fromRunnable(() -> {
                            cancel.run();
                            fanOut.close();
                        })),
                BackgroundLoop.cancelled(
                        "Event retention",
                        Stage.JOBS,
                        () -> Periodically.run(
                                Duration.ofMinutes(1), Duration.ofHours(1), () -> history.forgetOlderThan(
                                                clock.instant().minus(retention))
                                        .onErrorResume(error -> Mono.just(0L)))));
    }
}
