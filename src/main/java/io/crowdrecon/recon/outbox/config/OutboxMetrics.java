package io.crowdrecon.recon.outbox.config;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.shared.Periodically;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Outbox health in numbers: events published, the backlog still to publish, and the relay lag: the
 * age of the oldest event not yet published, read from the database every few seconds, so that it
 * keeps growing when the relay stalls (0 when nothing waits).
 */
public class OutboxMetrics {

    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final DatabaseClient database;

    public OutboxMetrics(MeterRegistry registry, DatabaseClient database) {
        this.database = database;
        this.published = Counter.builder("recon.outbox.published")
                .description("Events published to Kafka by this instance's relay")
                .register(registry);
        registry.gauge("recon.outbox.backlog", backlog);
        registry.gauge("recon.outbox.relay.lag.seconds", lagMillis, value -> value.get() / 1000.0);
    }

    void published(List<StoredEvent> events) {
        published.increment(events.size());
    }

    public long backlog() {
        return backlog.get();
    }

    /** Refreshes the backlog and the lag every few seconds, whether the relay publishes or not. */
    Flux<Long> refreshLoop() {
        return Periodically.run(Duration.ZERO, Duration.ofSeconds(5), () -> database.sql(
                        """
                                SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease),
                                       (SELECT (extract(epoch FROM clock_timestamp() - created_at) * 1000)::bigint
                                          FROM event_log
                                         WHERE seq > (SELECT last_seq FROM relay_lease)
                                           AND seq <= (SELECT last_seq FROM event_sequence)
                                         ORDER BY seq LIMIT 1)""")
                .map(row -> {
                    Long waiting = row.get(1, Long.class);
                    backlog.set(row.get(0, Long.class));
                    lagMillis.set(waiting == null ? 0 : Math.max(0, waiting));
                    return backlog.get();
                })
                .one()
                .onErrorResume(error -> Mono.empty()));
    }
}
