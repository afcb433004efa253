package io.crowdrecon.recon.stream.config;

import io.crowdrecon.recon.shared.Periodically;
import io.crowdrecon.recon.stream.EventFanOut;
import io.crowdrecon.recon.stream.EventHistory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Runs this instance's event poller, and hourly forgets events older than the retention (7 days). Stops before the
 * web server's graceful shutdown (a higher phase), ending the live streams so that it need not wait for them.
 */
public class StreamLifecycle implements SmartLifecycle {

    private final EventFanOut fanOut;
    private final EventHistory history;
    private final Clock clock;
    private final Duration retention;
    private Disposable polling;
    private Disposable forgetting;

    public StreamLifecycle(EventFanOut fanOut, EventHistory history, Clock clock, Duration retention) {
        this.fanOut = fanOut;
        this.history = history;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public synchronized void start() {
        if (polling != null) {
            return;
        }
        polling = fanOut.run().subscribe();
        forgetting = Periodically.run(Duration.ofMinutes(1), Duration.ofHours(1), () -> history.forgetOlderThan(
                                clock.instant().minus(retention))
                        .onErrorResume(error -> Mono.just(0L)))
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (polling != null) {
            polling.dispose();
            forgetting.dispose();
            polling = null;
            fanOut.close();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return polling != null;
    }
}
