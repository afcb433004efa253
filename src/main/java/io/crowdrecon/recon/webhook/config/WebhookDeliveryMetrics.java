package io.crowdrecon.recon.webhook.config;

import io.crowdrecon.recon.shared.Periodically;
import io.crowdrecon.recon.webhook.Deliveries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Webhook delivery in numbers: {@code recon_webhook_backlog} (PENDING deliveries, enabled endpoints or not), {@code
 * recon_webhook_oldest_due_seconds} (how long the oldest due delivery of an enabled endpoint has waited: it keeps
 * growing when the dispatcher stalls), both read every few seconds; {@code recon_webhook_attempts_total} by outcome
 * (delivered, retried, failed, gone, error) and {@code recon_webhook_fanned_out_total} (deliveries made).
 */
public class WebhookDeliveryMetrics {

    private final MeterRegistry registry;
    private final DatabaseClient database;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestDueMillis = new AtomicLong();
    private final Counter fannedOut;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();

    public WebhookDeliveryMetrics(MeterRegistry registry, DatabaseClient database) {
        this.registry = registry;
        this.database = database;
        registry.gauge("recon.webhook.backlog", backlog);
        registry.gauge("recon.webhook.oldest.due.seconds", oldestDueMillis, value -> value.get() / 1000.0);
        this.fannedOut = Counter.builder("recon.webhook.fanned.out")
                .description("Webhook deliveries made by this instance's fan-out")
                .register(registry);
    }

    void attempted(String outcome) {
        attempts.computeIfAbsent(outcome, name -> Counter.builder("recon.webhook.attempts")
                        .description("Webhook delivery attempts made by this instance, by outcome")
                        .tag("outcome", name)
                        .register(registry))
                .increment();
    }

    void fannedOut(Deliveries.FanOut step) {
        fannedOut.increment(step.deliveries());
    }

    public long backlog() {
        return backlog.get();
    }

    /** Refreshes the backlog and the age of the oldest due delivery every few seconds. */
    Flux<Long> refreshLoop() {
        return Periodically.run(Duration.ZERO, Duration.ofSeconds(5), () -> database.sql(
                        """
                        SELECT (SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'),
                               (SELECT (extract(epoch FROM clock_timestamp() - min(d.next_attempt_at)) * 1000)::bigint
                                  FROM webhook_delivery d
                                  JOIN webhook_endpoint w ON w.endpoint_id = d.endpoint_id AND w.status = 'ENABLED'
                                 WHERE d.status = 'PENDING' AND d.next_attempt_at <= clock_timestamp())""")
                .map(row -> {
                    Long waiting = row.get(1, Long.class);
                    backlog.set(row.get(0, Long.class));
                    oldestDueMillis.set(waiting == null ? 0 : Math.max(0, waiting));
                    return backlog.get();
                })
                .one()
                .onErrorResume(error -> Mono.empty()));
    }
}
