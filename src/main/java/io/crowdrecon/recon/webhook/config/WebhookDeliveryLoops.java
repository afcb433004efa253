package io.crowdrecon.recon.webhook.config;

import io.crowdrecon.recon.shared.BackgroundLoop;
import io.crowdrecon.recon.shared.BackgroundLoop.Stage;
import io.crowdrecon.recon.webhook.WebhookDispatcher;
import io.crowdrecon.recon.webhook.WebhookFanOut;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The webhook fan-out, the dispatcher and their metrics. At shutdown the dispatcher claims nothing more and records
 * the attempts in flight (up to the timeout), the fan-out finishes its step, and the lease is given up so that another
 * instance takes over at once; a delivery cut short is claimed again when its hold runs out.
 */
public class WebhookDeliveryLoops implements BackgroundLoop.Source {

    private final WebhookFanOut fanOut;
    private final WebhookDispatcher dispatcher;
    private final WebhookDeliveryMetrics metrics;
    private final Duration drain;

    public WebhookDeliveryLoops(
            WebhookFanOut fanOut, WebhookDispatcher dispatcher, WebhookDeliveryMetrics metrics, Duration drain) {
        this.fanOut = fanOut;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.drain = drain;
    }

    @Override
    public List<BackgroundLoop> loops() {
        return List.of(
                new BackgroundLoop(
                        "Webhook dispatcher", Stage.RELAY, dispatcher::run, (ended, cancel) -> Mono.fromRunnable(
                                        dispatcher::finish)
                                .then(ended.timeout(drain, Mono.fromRunnable(cancel)))),
                new BackgroundLoop("Webhook fan-out", Stage.RELAY, fanOut::run, (ended, cancel) -> Mono.fromRunnable(
                                fanOut::finish)
                        .then(ended.timeout(Duration.ofSeconds(5), Mono.fromRunnable(cancel)))
                        // The lease expires by itself within seconds if this fails.
                        .then(fanOut.release().timeout(Duration.ofSeconds(2)).onErrorResume(error -> Mono.empty()))),
                BackgroundLoop.cancelled(
                        "Webhook line sweep", Stage.JOBS, () -> dispatcher.sweep(Duration.ofSeconds(5))),
                BackgroundLoop.cancelled("Webhook metrics", Stage.JOBS, metrics::refreshLoop));
    }
}
